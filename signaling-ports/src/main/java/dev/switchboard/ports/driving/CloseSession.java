package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SessionId;

/** The host closes its session; every member is told {@code session-closed}. */
public interface CloseSession {
    void close(Identity caller, SessionId sessionId);
}
