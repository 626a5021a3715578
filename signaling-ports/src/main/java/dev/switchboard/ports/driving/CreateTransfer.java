package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Creates a relay transfer sent by the caller: reserves its bytes against the server's total (refused with
 * {@code storage_full} when they do not fit), draws an invite code and returns the sender's capability token.
 * Refused with {@code limit_reached} when the caller's identity or address holds as many live transfers as allowed.
 */
public interface CreateTransfer {

    Created create(Identity caller, Request request);

    /**
     * @param chunkCount     how many chunks, at most the server maximum
     * @param maxChunkBytes  the largest chunk, at most the server maximum
     * @param totalBytes     the bytes the sender will upload; {@code chunkCount * maxChunkBytes} when empty;
     *                       at most that and the server's per-transfer maximum
     * @param ttl            initial life; clamped, the server default when empty
     * @param accessVerifier an opaque, client-derived string the receiver must present to claim; only a keyed
     *                       hash of it is stored
     * @param clientAddress  as the transport determined it
     */
    record Request(int chunkCount, int maxChunkBytes, OptionalLong totalBytes, Optional<Duration> ttl,
            Optional<String> accessVerifier, String clientAddress) {
        public Request {
            Objects.requireNonNull(totalBytes, "totalBytes");
            Objects.requireNonNull(ttl, "ttl");
            Objects.requireNonNull(accessVerifier, "accessVerifier");
            Objects.requireNonNull(clientAddress, "clientAddress");
        }

        @Override
        public String toString() {
            return "Request[chunkCount=" + chunkCount + ", maxChunkBytes=" + maxChunkBytes + ", totalBytes="
                    + totalBytes + ", ttl=" + ttl + ", accessVerifier=" + (accessVerifier.isPresent() ? "[redacted]" : "none")
                    + ", clientAddress=" + clientAddress + "]";
        }
    }

    /** @param senderToken the capability token for uploading and watching progress */
    record Created(Transfer transfer, String senderToken) {
        public Created {
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(senderToken, "senderToken");
        }
    }
}
