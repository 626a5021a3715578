package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerSession;

/**
 * Records that a peer's socket is alive (any inbound traffic or pong, not only {@code HEARTBEAT}); returns
 * false when the session no longer holds its id (superseded or timed out), so the transport closes it.
 */
public interface KeepPeerAlive {
    boolean keepAlive(PeerSession session);
}
