package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driving.LeaveSession;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import java.time.Instant;
import java.time.InstantSource;

/** A member leaves a session, open or not; the others are told {@code peer-left}, and an emptied session closes. */
final class LeaveSessionService implements LeaveSession {
    private final SessionLookup lookup;
    private final Departures departures;
    private final InstantSource clock;

    LeaveSessionService(SessionLookup lookup, Departures departures, InstantSource clock) {
        this.lookup = lookup;
        this.departures = departures;
        this.clock = clock;
    }

    @Override
    public void leave(Identity caller, SessionId sessionId) {
        Instant now = clock.instant();
        Member member = SessionLookup.membership(lookup.existing(sessionId), caller);
        if (departures.remove(sessionId, member.id(), LeaveReason.LEFT, now).isEmpty()) {
            // Removed meanwhile (timed out, or a concurrent leave): say why, as if we had read it first.
            lookup.existing(sessionId);
            throw PairingErrors.notMember(sessionId);
        }
    }
}
