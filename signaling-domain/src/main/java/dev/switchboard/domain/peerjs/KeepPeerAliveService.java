package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.KeepPeerAlive;
import dev.switchboard.ports.model.PeerSession;
import java.time.InstantSource;

/** Marks a socket seen, so its id is not lost to the alive timeout; tells the transport when it already was. */
final class KeepPeerAliveService implements KeepPeerAlive {
    private final PeerStore peers;
    private final InstantSource clock;

    KeepPeerAliveService(PeerStore peers, InstantSource clock) {
        this.peers = peers;
        this.clock = clock;
    }

    @Override
    public boolean keepAlive(PeerSession session) {
        return peers.touch(session.peer(), session.connectionId(), clock.instant());
    }
}
