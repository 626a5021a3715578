package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.DisconnectPeer;
import dev.switchboard.ports.model.PeerSession;

/**
 * Frees a closed socket's id at once rather than after the alive timeout. Messages still queued for the peer
 * stay, to be delivered on a reconnect or expired to their senders.
 */
final class DisconnectPeerService implements DisconnectPeer {
    private final PeerStore peers;

    DisconnectPeerService(PeerStore peers) {
        this.peers = peers;
    }

    @Override
    public void disconnect(PeerSession session) {
        peers.release(session.peer(), session.connectionId());
    }
}
