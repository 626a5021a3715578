package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driving.GetSession;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;

/** Shows a session, open, closed or expired until it is swept, to its members only. */
final class GetSessionService implements GetSession {
    private final SessionLookup lookup;

    GetSessionService(SessionLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public PairingSession get(Identity caller, SessionId sessionId) {
        PairingSession session = lookup.existing(sessionId);
        SessionLookup.membership(session, caller);
        return session;
    }
}
