package dev.switchboard.ports.model;

import java.util.Objects;

/**
 * A peer in one PeerJS realm: the API {@code key} the client connected with (realms never see each
 * other) and its id in that realm.
 */
public record PeerAddress(String key, PeerId id) {
    public PeerAddress {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }

    /** The name wake-ups for this peer are published under (see EventPublisher). */
    public String wakeUpKey() {
        return "peerjs:" + key + ":" + id.value();
    }
}
