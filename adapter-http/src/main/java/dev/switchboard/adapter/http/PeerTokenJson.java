package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.IssuePeerToken;
import java.time.Instant;

/**
 * The response of {@code POST /v1/peerjs/tokens}: the id to open the PeerJS socket with, the token to pass as its
 * {@code token} ({@code new Peer(id, {token})}), and when the token stops opening sockets.
 */
record PeerTokenJson(String id, String token, Instant expiresAt) {

    static PeerTokenJson from(IssuePeerToken.Issued issued) {
        return new PeerTokenJson(issued.id().value(), issued.token(), issued.expiresAt());
    }

    @Override
    public String toString() {
        return "PeerTokenJson[id=" + id + ", token=(redacted), expiresAt=" + expiresAt + "]";
    }
}
