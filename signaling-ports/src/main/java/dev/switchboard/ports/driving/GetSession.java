package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;

/** A session as its members may see it; others get {@code not_a_member}. */
public interface GetSession {
    PairingSession get(Identity caller, SessionId sessionId);
}
