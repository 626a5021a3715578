package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One transfer as the memory store holds it, with its chunks: the SHA-256 of every uploaded index, and the
 * bytes of those not yet acknowledged, by index so that the next pending one is the first. An acknowledged
 * chunk keeps only its SHA-256, which is all that idempotent re-uploads need. The transfer is replaced whole
 * under the slot's lock, so that {@link #current()} needs none; the chunks are read and changed only under it.
 */
final class TransferSlot {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Transfer current;
    /** Guarded by {@link #lock}, like everything below. */
    private final Map<Integer, String> digests = new HashMap<>();
    private final TreeMap<Integer, byte[]> pending = new TreeMap<>();
    private long pendingBytes;
    private boolean forgotten;

    TransferSlot(Transfer transfer) {
        this.current = transfer;
    }

    /** The latest version; needs no lock. */
    Transfer current() {
        return current;
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    boolean isForgotten() {
        return forgotten;
    }

    /** Drops the chunks and makes the slot answer as if it never existed. */
    void markForgotten() {
        forgotten = true;
        dropChunks();
    }

    Transfer claim(String receiverKeyId, Instant now, Duration extension) {
        return replace(Optional.of(receiverKeyId), current.extendedExpiry(now, extension), current.uploadedChunks(),
                current.uploadedBytes(), current.acknowledgedChunks(), current.completedAt(), current.purgedAt());
    }

    Transfer extend(Instant now, Duration extension) {
        Instant expiry = current.extendedExpiry(now, extension);
        return expiry.equals(current.expiresAt()) ? current : replace(current.receiverKeyId(), expiry,
                current.uploadedChunks(), current.uploadedBytes(), current.acknowledgedChunks(), current.completedAt(),
                current.purgedAt());
    }

    /** The SHA-256 stored at {@code index}, acknowledged or not. */
    Optional<String> digest(int index) {
        return Optional.ofNullable(digests.get(index));
    }

    boolean isPending(int index) {
        return pending.containsKey(index);
    }

    /** Keeps a copy of the chunk's bytes and counts them. */
    Transfer store(Chunk chunk, Instant now, Duration extension) {
        digests.put(chunk.index(), chunk.sha256());
        pending.put(chunk.index(), chunk.bytes());
        pendingBytes += chunk.size();
        return replace(current.receiverKeyId(), current.extendedExpiry(now, extension), current.uploadedChunks() + 1,
                current.uploadedBytes() + chunk.size(), current.acknowledgedChunks(), current.completedAt(),
                current.purgedAt());
    }

    /** The chunk at {@code index} if it waits for the receiver. */
    Optional<Chunk> pendingChunk(int index) {
        byte[] bytes = pending.get(index);
        return bytes == null
                ? Optional.empty()
                : Optional.of(new Chunk(current.id(), index, bytes, digests.get(index)));
    }

    Optional<Chunk> firstPendingChunk() {
        return pending.isEmpty() ? Optional.empty() : pendingChunk(pending.firstKey());
    }

    /** Drops the bytes at {@code index}, counts the acknowledgement and, with the last chunk, completes. */
    Transfer acknowledge(int index, Instant now, Duration extension) {
        pendingBytes -= pending.remove(index).length;
        int acknowledged = current.acknowledgedChunks() + 1;
        Optional<Instant> completedAt = acknowledged == current.chunkCount() ? Optional.of(now) : Optional.empty();
        return replace(current.receiverKeyId(), current.extendedExpiry(now, extension), current.uploadedChunks(),
                current.uploadedBytes(), acknowledged, completedAt, current.purgedAt());
    }

    /** Drops every chunk and marks the transfer purged at {@code now}. */
    Transfer purge(Instant now) {
        dropChunks();
        return replace(current.receiverKeyId(), current.expiresAt(), current.uploadedChunks(), current.uploadedBytes(),
                current.acknowledgedChunks(), current.completedAt(), Optional.of(now));
    }

    int storedChunks() {
        return digests.size();
    }

    long storedBytes() {
        return pendingBytes;
    }

    private void dropChunks() {
        digests.clear();
        pending.clear();
        pendingBytes = 0;
    }

    private Transfer replace(Optional<String> receiverKeyId, Instant expiresAt, int uploadedChunks, long uploadedBytes,
            int acknowledgedChunks, Optional<Instant> completedAt, Optional<Instant> purgedAt) {
        Transfer was = current;
        current = new Transfer(was.id(), was.code(), was.senderKeyId(), was.senderAddress(), was.chunkCount(),
                was.maxChunkBytes(), was.reservedBytes(), was.verifierDigest(), receiverKeyId, was.createdAt(),
                expiresAt, was.hardExpiresAt(), uploadedChunks, uploadedBytes, acknowledgedChunks, completedAt,
                purgedAt);
        return current;
    }
}
