package dev.switchboard.ports.model;

import java.util.Objects;

/** A connected PeerJS socket as the domain knows it: the peer it speaks for and its connection id. */
public record PeerSession(PeerAddress peer, String connectionId) {
    public PeerSession {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
