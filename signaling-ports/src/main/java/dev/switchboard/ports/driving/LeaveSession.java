package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SessionId;

/** The caller leaves a session; the others are told {@code peer-left}. */
public interface LeaveSession {
    void leave(Identity caller, SessionId sessionId);
}
