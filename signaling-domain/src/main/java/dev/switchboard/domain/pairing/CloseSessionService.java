package dev.switchboard.domain.pairing;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driving.CloseSession;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The host closes its session: every member is told {@code session-closed} and woken, and the session
 * stays readable for the closed-session retention. Closing a closed session succeeds, so a retried close
 * after a lost response is harmless.
 */
final class CloseSessionService implements CloseSession {
    private final SessionStore sessions;
    private final SessionLookup lookup;
    private final MemberWakeups wakeups;
    private final InstantSource clock;
    private final SessionLifetimes lifetimes;

    CloseSessionService(SessionStore sessions, SessionLookup lookup, MemberWakeups wakeups, InstantSource clock,
            SessionLifetimes lifetimes) {
        this.sessions = sessions;
        this.lookup = lookup;
        this.wakeups = wakeups;
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    @Override
    public void close(Identity caller, SessionId sessionId) {
        Instant now = clock.instant();
        PairingSession session = lookup.existing(sessionId);
        if (!session.memberWithKey(caller.keyId()).map(Member::host).orElse(false)) {
            throw PairingErrors.notHost(sessionId);
        }
        if (session.isClosed()) {
            return;
        }
        if (session.isExpiredAt(now)) {
            throw PairingErrors.expired(sessionId);
        }
        PairingSession closed = sessions.close(sessionId, now, lifetimes.retentionAfterClose(now)).orElse(null);
        if (closed == null) {
            SignalingException why = lookup.gone(sessionId, now);
            if (why.code() == ErrorCode.SESSION_CLOSED) {
                return; // a concurrent close won; the session is closed as asked
            }
            throw why;
        }
        // Everyone the store told, whether or not it keeps them listed once the session is closed.
        wakeups.wake(Stream.concat(session.members().stream(), closed.members().stream())
                .map(Member::keyId).collect(Collectors.toSet()));
    }
}
