package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One socket's hold on a peer id: {@code connectionId} is unique per socket, so a reconnect with the same id
 * and token supersedes the old socket, and only the current holder may act for the peer.
 *
 * @param token the client's secret for its id (PeerJS: a random string the client keeps); a reconnect must
 *              present the same one
 */
public record PeerConnection(PeerAddress peer, String token, String connectionId, String clientAddress,
        Instant openedAt, Instant lastSeenAt) {
    public PeerConnection {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    @Override
    public String toString() {
        return "PeerConnection[" + peer + ", connectionId=" + connectionId + ", token=(redacted)]";
    }
}
