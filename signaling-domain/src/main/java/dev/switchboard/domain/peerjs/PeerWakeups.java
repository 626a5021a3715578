package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.model.PeerAddress;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Wakes the sockets of peers whose queue or hold a store step just changed, on this instance or another
 * sharing the store, so they read it at once.
 */
final class PeerWakeups {
    private final EventPublisher events;

    PeerWakeups(EventPublisher events) {
        this.events = events;
    }

    void wake(PeerAddress peer) {
        events.publish(Set.of(peer.wakeUpKey()));
    }

    void wake(Collection<PeerAddress> peers) {
        if (!peers.isEmpty()) {
            events.publish(peers.stream().map(PeerAddress::wakeUpKey).collect(Collectors.toUnmodifiableSet()));
        }
    }
}
