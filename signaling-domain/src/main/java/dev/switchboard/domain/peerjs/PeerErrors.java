package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerId;
import java.time.Instant;

/**
 * The refusals of the PeerJS use cases. Where the {@code peer} server has a text the {@code peerjs} client
 * shows, the message is exactly that text, so a transport can pass it through unchanged.
 */
final class PeerErrors {

    private PeerErrors() {}

    static SignalingException keyInvalid(String key) {
        return new SignalingException(ErrorCode.PEER_KEY_INVALID, "Invalid key provided",
                "PeerJS key not served: " + key);
    }

    static SignalingException idTaken(PeerAddress peer) {
        return new SignalingException(ErrorCode.PEER_ID_TAKEN, "ID is taken",
                "PeerJS id " + peer.id() + " in realm " + peer.key() + " is held by another token");
    }

    static SignalingException realmFull(String key, int limit) {
        return new SignalingException(ErrorCode.LIMIT_REACHED, "Server has reached its concurrent user limit",
                "PeerJS realm " + key + " has " + limit + " live connections");
    }

    static SignalingException superseded(PeerAddress peer) {
        return new SignalingException(ErrorCode.PEER_SUPERSEDED,
                "this socket no longer holds id " + peer.id() + "; it was replaced or timed out");
    }

    static SignalingException payloadTooLarge(int maxChars) {
        return new SignalingException(ErrorCode.PAYLOAD_TOO_LARGE,
                "payload: must be at most " + maxChars + " characters of JSON");
    }

    static SignalingException queueFull(PeerId dst) {
        return new SignalingException(ErrorCode.MAILBOX_FULL,
                "the queue for " + dst + " is full; nothing was sent");
    }

    static SignalingException discoveryDisabled() {
        return new SignalingException(ErrorCode.PEER_DISCOVERY_DISABLED, "Peer discovery is disabled on this server");
    }

    static SignalingException tokenInvalid(String detail) {
        return new SignalingException(ErrorCode.PEER_TOKEN_INVALID,
                "Invalid token: this server requires a PeerJS token issued for this id",
                "PeerJS token refused: " + detail);
    }

    static SignalingException tokenExpired(PeerId id, Instant expiresAt) {
        return new SignalingException(ErrorCode.PEER_TOKEN_INVALID,
                "Invalid token: it expired; get a new PeerJS token for this id",
                "PeerJS token for " + id + " expired at " + expiresAt);
    }

    static SignalingException idsComeWithTokens() {
        return new SignalingException(ErrorCode.PEER_TOKEN_INVALID,
                "This server requires PeerJS tokens: ids come with the tokens it issues");
    }

    static SignalingException noFreeId(int attempts) {
        return new SignalingException(ErrorCode.SERVICE_UNAVAILABLE, "no free id could be drawn; try again",
                "every one of " + attempts + " drawn PeerJS ids was held");
    }
}
