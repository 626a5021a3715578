package dev.switchboard.domain.pairing;

import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.shared.InviteCodes;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Opens a session with the caller as its host and first member, under a fresh invite code that no live
 * session holds, and signs its invite token. The per-identity limit is checked before the session is
 * created, so two concurrent opens may pass it by one: a guard against abuse, not an exact quota.
 */
final class OpenSessionService implements OpenSession {
    /** A live code is drawn again on collision; with 2^40 codes, repeated collisions mean something is wrong. */
    private static final int CODE_ATTEMPTS = 8;

    private final SessionStore sessions;
    private final InstantSource clock;
    private final PairingIds ids;
    private final InviteCodes codes;
    private final InviteTokens invites;
    private final SessionLifetimes lifetimes;
    private final PairingPolicy policy;

    OpenSessionService(SessionStore sessions, InstantSource clock, PairingIds ids, InviteCodes codes,
            InviteTokens invites, SessionLifetimes lifetimes, PairingPolicy policy) {
        this.sessions = sessions;
        this.clock = clock;
        this.ids = ids;
        this.codes = codes;
        this.invites = invites;
        this.lifetimes = lifetimes;
        this.policy = policy;
    }

    @Override
    public Opened open(Identity caller, Request request) {
        int capacity = capacityOf(request.capacity());
        Instant now = clock.instant();
        Instant expiresAt = lifetimes.expiryOf(now, request.ttl());
        Instant hardExpiresAt = lifetimes.hardExpiryOf(now);
        if (sessions.countOpenSessionsHostedBy(caller.keyId(), now) >= policy.maxOpenSessionsPerIdentity()) {
            throw PairingErrors.tooManyOpenSessions(policy.maxOpenSessionsPerIdentity());
        }
        SessionId id = ids.nextSession();
        Member host = new Member(ids.nextMember(), caller.keyId(), true, now, now);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            PairingSession session = new PairingSession(id, codes.next(), capacity, now, expiresAt, hardExpiresAt,
                    Optional.empty(), List.of(host));
            if (sessions.createIfCodeFree(session, now)) {
                return new Opened(session, host.id(), invites.issue(session));
            }
        }
        throw PairingErrors.noFreeInviteCode(CODE_ATTEMPTS);
    }

    private int capacityOf(OptionalInt requested) {
        int capacity = requested.orElse(policy.defaultCapacity());
        if (capacity < 2 || capacity > policy.maxCapacity()) {
            throw SignalingException.invalid("capacity", "must be between 2 and " + policy.maxCapacity());
        }
        return capacity;
    }
}
