package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.ListPeers;
import dev.switchboard.ports.model.PeerId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Lists a realm's live ids, only where discovery is switched on (it is off by default, as in PeerJS). */
final class ListPeersService implements ListPeers {
    /** Bounds the answer; a realm this large should not be listed whole anyway. */
    static final int MAX_LISTED = 10_000;

    private final PeerStore peers;
    private final Realms realms;
    private final Liveness liveness;
    private final InstantSource clock;
    private final boolean allowDiscovery;

    ListPeersService(PeerStore peers, Realms realms, Liveness liveness, InstantSource clock, boolean allowDiscovery) {
        this.peers = peers;
        this.realms = realms;
        this.liveness = liveness;
        this.clock = clock;
        this.allowDiscovery = allowDiscovery;
    }

    @Override
    public List<PeerId> list(String key) {
        realms.requireServed(key);
        if (!allowDiscovery) {
            throw PeerErrors.discoveryDisabled();
        }
        Instant now = clock.instant();
        return peers.liveIds(key, liveness.seenAfter(now), MAX_LISTED).stream().map(PeerId::new).toList();
    }
}
