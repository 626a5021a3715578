package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerSession;

/** Releases the peer id when its socket closes; harmless when it was already superseded. */
public interface DisconnectPeer {
    void disconnect(PeerSession session);
}
