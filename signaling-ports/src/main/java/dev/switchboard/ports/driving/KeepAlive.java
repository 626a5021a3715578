package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;

/** Records a sign of life (a heartbeat) for every session the caller is in, and extends them. */
public interface KeepAlive {
    void keepAlive(Identity caller);
}
