package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SessionStore.SilentMember;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Removes the members of open sessions who have not been seen for the presence timeout: the others are
 * told {@code peer-left} (timed out) and woken, and a session left empty is closed. Run by the expiry
 * sweeper; built by {@link PairingServices#presenceSweep}.
 */
public final class PresenceSweep {
    private static final int BATCH = 256;

    private final SessionStore sessions;
    private final Departures departures;
    private final Duration presenceTimeout;

    PresenceSweep(SessionStore sessions, Departures departures, Duration presenceTimeout) {
        this.sessions = sessions;
        this.departures = departures;
        this.presenceTimeout = presenceTimeout;
    }

    /** Removes every member silent for the presence timeout before {@code now}; returns how many. */
    public int removeSilentMembers(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Instant seenBefore = at.minus(presenceTimeout);
        int removed = 0;
        while (true) {
            List<SilentMember> silent = sessions.silentMembers(seenBefore, at, BATCH);
            int removedNow = 0;
            for (SilentMember member : silent) {
                if (departures.remove(member.sessionId(), member.memberId(), LeaveReason.TIMED_OUT, at).isPresent()) {
                    removedNow++;
                }
            }
            removed += removedNow;
            // A batch that removed nobody would come back the same; stop rather than spin.
            if (silent.size() < BATCH || removedNow == 0) {
                return removed;
            }
        }
    }
}
