package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a member out of a session, whether it left or went silent: the store tells the others
 * {@code peer-left}, they are woken, and a session left empty is closed so that its invite code is free.
 */
final class Departures {
    private final SessionStore sessions;
    private final MemberWakeups wakeups;
    private final SessionLifetimes lifetimes;

    Departures(SessionStore sessions, MemberWakeups wakeups, SessionLifetimes lifetimes) {
        this.sessions = sessions;
        this.wakeups = wakeups;
        this.lifetimes = lifetimes;
    }

    /** The session after the removal, or empty when the session is gone or the member was not in it. */
    Optional<PairingSession> remove(SessionId id, MemberId member, LeaveReason reason, Instant now) {
        Optional<PairingSession> after = sessions.removeMember(id, member, reason, now);
        after.ifPresent(session -> {
            if (!session.members().isEmpty()) {
                wakeups.everyone(session);
            } else if (!session.isClosed()) {
                sessions.close(id, now, lifetimes.retentionAfterClose(now));
            }
        });
        return after;
    }
}
