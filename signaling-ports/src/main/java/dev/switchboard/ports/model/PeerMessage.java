package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A PeerJS message waiting for its recipient: relayed as {@code {type, src, dst, payload}} with {@code src}
 * the authenticated sender, never what the client wrote. {@code payload} is the client's JSON value,
 * passed through untouched.
 *
 * @param sequence per store, increasing; 0 before the store assigned one
 */
public record PeerMessage(long sequence, String key, PeerId src, PeerId dst, PeerMessageType type, String payload,
        Instant queuedAt) {
    public PeerMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    public PeerAddress recipient() {
        return new PeerAddress(key, dst);
    }

    public PeerAddress sender() {
        return new PeerAddress(key, src);
    }

    public PeerMessage withSequence(long assigned) {
        return new PeerMessage(assigned, key, src, dst, type, payload, queuedAt);
    }

    @Override
    public String toString() {
        return "PeerMessage[" + sequence + ", " + key + ":" + src + "->" + dst + ", " + type + ", "
                + payload.length() + " chars]";
    }
}
