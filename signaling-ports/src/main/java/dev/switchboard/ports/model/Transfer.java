package dev.switchboard.ports.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-way, store-and-forward relay of encrypted chunks from a sender to one receiver. The server never
 * sees plaintext: chunks are opaque bytes. The transfer lives until {@code expiresAt}, which activity
 * pushes forward but never past {@code hardExpiresAt}. {@code reservedBytes} is what the sender declared
 * it will upload, reserved against the server's total at creation; uploads never exceed it.
 *
 * @param senderAddress      the client address that created it, for per-address limits
 * @param verifierDigest     hex of the keyed hash of the access verifier, when the transfer is bound to one
 * @param receiverKeyId      the identity that claimed it, once claimed
 * @param uploadedChunks     distinct chunk indices uploaded so far (acknowledged ones included)
 * @param uploadedBytes      bytes of those chunks
 * @param acknowledgedChunks chunk indices the receiver acknowledged (their bytes are deleted)
 * @param completedAt        when the last chunk was acknowledged
 * @param purgedAt           when an expiry sweep deleted its chunks, for a transfer that expired unfinished
 */
public record Transfer(
        TransferId id,
        InviteCode code,
        String senderKeyId,
        String senderAddress,
        int chunkCount,
        int maxChunkBytes,
        long reservedBytes,
        Optional<String> verifierDigest,
        Optional<String> receiverKeyId,
        Instant createdAt,
        Instant expiresAt,
        Instant hardExpiresAt,
        int uploadedChunks,
        long uploadedBytes,
        int acknowledgedChunks,
        Optional<Instant> completedAt,
        Optional<Instant> purgedAt) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(senderKeyId, "senderKeyId");
        Objects.requireNonNull(senderAddress, "senderAddress");
        Objects.requireNonNull(verifierDigest, "verifierDigest");
        Objects.requireNonNull(receiverKeyId, "receiverKeyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(hardExpiresAt, "hardExpiresAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(purgedAt, "purgedAt");
        if (chunkCount < 1 || maxChunkBytes < 1 || reservedBytes < 1) {
            throw new IllegalArgumentException("chunkCount, maxChunkBytes and reservedBytes must be positive");
        }
        if (reservedBytes > (long) chunkCount * maxChunkBytes) {
            throw new IllegalArgumentException("reservedBytes cannot exceed chunkCount * maxChunkBytes");
        }
        if (!expiresAt.isAfter(createdAt) || expiresAt.isAfter(hardExpiresAt)) {
            throw new IllegalArgumentException("expiresAt must lie in (createdAt, hardExpiresAt]");
        }
        if (uploadedChunks < 0 || uploadedChunks > chunkCount || acknowledgedChunks < 0
                || acknowledgedChunks > uploadedChunks || uploadedBytes < 0 || uploadedBytes > reservedBytes) {
            throw new IllegalArgumentException("progress counters out of range");
        }
    }

    /** A transfer just created: unclaimed, nothing uploaded. */
    public static Transfer created(TransferId id, InviteCode code, String senderKeyId, String senderAddress,
            int chunkCount, int maxChunkBytes, long reservedBytes, Optional<String> verifierDigest,
            Instant createdAt, Instant expiresAt, Instant hardExpiresAt) {
        return new Transfer(id, code, senderKeyId, senderAddress, chunkCount, maxChunkBytes, reservedBytes,
                verifierDigest, Optional.empty(), createdAt, expiresAt, hardExpiresAt, 0, 0, 0, Optional.empty(),
                Optional.empty());
    }

    public boolean isComplete() {
        return completedAt.isPresent();
    }

    public boolean isClaimed() {
        return receiverKeyId.isPresent();
    }

    /** Past its expiry without having completed. */
    public boolean isExpiredAt(Instant now) {
        return !isComplete() && !now.isBefore(expiresAt);
    }

    /** Neither complete nor expired: it can be claimed, uploaded to and downloaded from. */
    public boolean isLiveAt(Instant now) {
        return !isComplete() && now.isBefore(expiresAt);
    }

    /** Chunks uploaded and not yet acknowledged: what the server holds for the receiver. */
    public int pendingChunks() {
        return uploadedChunks - acknowledgedChunks;
    }

    public TransferState stateAt(Instant now) {
        if (isComplete()) {
            return TransferState.COMPLETE;
        }
        if (isExpiredAt(now)) {
            return TransferState.EXPIRED;
        }
        return pendingChunks() > 0 ? TransferState.AVAILABLE : TransferState.WAITING;
    }

    /** Expiry after activity at {@code now}: at least {@code now + extension}, never past the hard limit. */
    public Instant extendedExpiry(Instant now, Duration extension) {
        Instant wanted = now.plus(extension);
        Instant capped = wanted.isAfter(hardExpiresAt) ? hardExpiresAt : wanted;
        return capped.isAfter(expiresAt) ? capped : expiresAt;
    }
}
