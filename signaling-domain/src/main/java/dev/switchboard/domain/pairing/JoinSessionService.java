package dev.switchboard.domain.pairing;

import dev.switchboard.domain.shared.FailureBudget;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SessionStore.JoinAttempt;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Joins a session by invite code or signed token. The client address's failure budget is checked first,
 * so a spent budget refuses even a correct code, and every refusal that could be a guess spends from it.
 * The store decides capacity races; the members already in are woken to read their {@code peer-joined}.
 */
final class JoinSessionService implements JoinSession {
    private static final Set<ErrorCode> FAILED_GUESSES = EnumSet.of(ErrorCode.SESSION_NOT_FOUND,
            ErrorCode.INVITE_INVALID, ErrorCode.SESSION_EXPIRED, ErrorCode.SESSION_CLOSED, ErrorCode.SESSION_FULL);

    private final SessionStore sessions;
    private final SessionLookup lookup;
    private final InviteTokens invites;
    private final FailureBudget budget;
    private final MemberWakeups wakeups;
    private final InstantSource clock;
    private final PairingIds ids;
    private final Duration activityExtension;

    JoinSessionService(SessionStore sessions, SessionLookup lookup, InviteTokens invites, FailureBudget budget,
            MemberWakeups wakeups, InstantSource clock, PairingIds ids, Duration activityExtension) {
        this.sessions = sessions;
        this.lookup = lookup;
        this.invites = invites;
        this.budget = budget;
        this.wakeups = wakeups;
        this.clock = clock;
        this.ids = ids;
        this.activityExtension = activityExtension;
    }

    @Override
    public Joined join(Identity caller, Request request) {
        Instant now = clock.instant();
        budget.requireRemaining(request.clientAddress(), now);
        try {
            return enter(caller, target(request, now), now);
        } catch (SignalingException refused) {
            if (FAILED_GUESSES.contains(refused.code())) {
                budget.recordFailure(request.clientAddress(), now);
            }
            throw refused;
        }
    }

    private PairingSession target(Request request, Instant now) {
        if (request.code().isPresent()) {
            InviteCode code = request.code().get();
            return sessions.findOpenByCode(code, now).orElseThrow(() -> PairingErrors.noOpenSessionWithCode(code));
        }
        return lookup.open(invites.verify(request.token().orElseThrow(), now).sessionId(), now);
    }

    private Joined enter(Identity caller, PairingSession session, Instant now) {
        Optional<Member> existing = session.memberWithKey(caller.keyId());
        if (existing.isPresent()) {
            return new Joined(session, existing.get().id());
        }
        Member member = new Member(ids.nextMember(), caller.keyId(), false, now, now);
        JoinAttempt attempt = sessions.addMemberIfRoom(session.id(), member, now, activityExtension);
        if (attempt instanceof JoinAttempt.Joined joined) {
            wakeups.othersThan(joined.session(), caller.keyId());
            return new Joined(joined.session(), member.id());
        }
        if (attempt instanceof JoinAttempt.AlreadyMember already) {
            return new Joined(already.session(), already.member().id());
        }
        if (attempt instanceof JoinAttempt.Full) {
            throw PairingErrors.full(session.id());
        }
        throw lookup.gone(session.id(), now);
    }
}
