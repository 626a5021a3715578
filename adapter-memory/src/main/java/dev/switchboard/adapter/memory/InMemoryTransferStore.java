package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Relay transfers and their chunks in memory, locked per transfer ({@link TransferSlot}), never store-wide,
 * except that creations take one lock between them: the server's byte budget is a race among creations only
 * (completion and expiry only ever free bytes), and the code check and the insert belong in the same step.
 * {@code reservedBytes}, {@code purgeExpired} and {@code forget} walk every transfer; per-sender and
 * per-address counts go through {@link TransferIndex}.
 */
final class InMemoryTransferStore implements TransferStore {
    private final ConcurrentMap<TransferId, TransferSlot> transfers = new ConcurrentHashMap<>();
    private final ConcurrentMap<InviteCode, TransferId> codes = new ConcurrentHashMap<>();
    private final TransferIndex bySender = new TransferIndex();
    private final TransferIndex byAddress = new TransferIndex();
    private final ReentrantLock creating = new ReentrantLock();

    @Override
    public Creation create(Transfer transfer, Instant now, long maxReservedBytes) {
        creating.lock();
        try {
            if (codes.containsKey(transfer.code())) {
                return new Creation.CodeTaken();
            }
            long reserved = reservedBytes(now);
            if (reserved + transfer.reservedBytes() > maxReservedBytes) {
                return new Creation.ServerFull(reserved);
            }
            if (transfers.putIfAbsent(transfer.id(), new TransferSlot(transfer)) != null) {
                throw new IllegalStateException("transfer " + transfer.id() + " already exists");
            }
            codes.put(transfer.code(), transfer.id());
            bySender.add(transfer.senderKeyId(), transfer.id());
            byAddress.add(transfer.senderAddress(), transfer.id());
            return new Creation.Created(transfer);
        } finally {
            creating.unlock();
        }
    }

    @Override
    public Optional<Transfer> find(TransferId id) {
        return Optional.ofNullable(transfers.get(id)).map(TransferSlot::current);
    }

    @Override
    public Optional<Transfer> findByCode(InviteCode code) {
        return Optional.ofNullable(codes.get(code)).flatMap(this::find);
    }

    @Override
    public Claim claim(TransferId id, String receiverKeyId, Instant now, Duration extension) {
        return whileLive(id, now, Claim.NotLive::new, slot -> {
            Optional<String> receiver = slot.current().receiverKeyId();
            if (receiver.isPresent() && !receiver.get().equals(receiverKeyId)) {
                return new Claim.AlreadyClaimed(slot.current());
            }
            return new Claim.Claimed(slot.claim(receiverKeyId, now, extension));
        });
    }

    @Override
    public Upload putChunk(Chunk chunk, Instant now, Duration extension) {
        return whileLive(chunk.transferId(), now, Upload.NotLive::new, slot -> {
            Transfer transfer = slot.current();
            if (chunk.index() >= transfer.chunkCount()) {
                return new Upload.OutOfBounds(transfer);
            }
            Optional<String> stored = slot.digest(chunk.index());
            if (stored.isPresent()) {
                return stored.get().equals(chunk.sha256())
                        ? new Upload.Duplicate(slot.extend(now, extension))
                        : new Upload.Conflict(transfer);
            }
            if (transfer.uploadedBytes() + chunk.size() > transfer.reservedBytes()) {
                return new Upload.OutOfBounds(transfer);
            }
            return new Upload.Stored(slot.store(chunk, now, extension));
        });
    }

    @Override
    public ChunkRead readChunk(TransferId id, int index) {
        return locked(id, ChunkRead.NotUploaded::new, slot -> {
            if (slot.digest(index).isEmpty()) {
                return new ChunkRead.NotUploaded();
            }
            return slot.pendingChunk(index).<ChunkRead>map(ChunkRead.Available::new)
                    .orElseGet(ChunkRead.Acknowledged::new);
        });
    }

    @Override
    public Optional<Chunk> nextPendingChunk(TransferId id) {
        return locked(id, Optional::empty, TransferSlot::firstPendingChunk);
    }

    @Override
    public Acknowledgement acknowledge(TransferId id, int index, Instant now, Duration extension) {
        return locked(id, () -> new Acknowledgement.NotLive(Optional.empty()), slot -> {
            Transfer transfer = slot.current();
            if (transfer.isComplete()) {
                return new Acknowledgement.AlreadyAcknowledged(transfer);
            }
            if (!transfer.isLiveAt(now)) {
                return new Acknowledgement.NotLive(Optional.of(transfer));
            }
            if (slot.digest(index).isEmpty()) {
                return new Acknowledgement.NotUploaded(transfer);
            }
            if (!slot.isPending(index)) {
                return new Acknowledgement.AlreadyAcknowledged(transfer);
            }
            return new Acknowledgement.Acknowledged(slot.acknowledge(index, now, extension));
        });
    }

    @Override
    public int countLiveBySender(String senderKeyId, Instant now) {
        return countLive(bySender.transfersOf(senderKeyId), now);
    }

    @Override
    public int countLiveByAddress(String senderAddress, Instant now) {
        return countLive(byAddress.transfersOf(senderAddress), now);
    }

    @Override
    public long reservedBytes(Instant now) {
        long reserved = 0;
        for (TransferSlot slot : transfers.values()) {
            Transfer transfer = slot.current();
            if (transfer.isLiveAt(now)) {
                reserved += transfer.reservedBytes();
            }
        }
        return reserved;
    }

    /** Takes one transfer's lock at a time, so that a large sweep never stalls a transfer for long. */
    @Override
    public List<Transfer> purgeExpired(Instant now, int limit) {
        List<Transfer> purged = new ArrayList<>();
        for (TransferSlot slot : transfers.values()) {
            if (purged.size() >= limit) {
                break;
            }
            if (isPurgeable(slot, now)) {
                locked(slot, () -> isPurgeable(slot, now) ? Optional.of(slot.purge(now)) : Optional.<Transfer>empty())
                        .ifPresent(purged::add);
            }
        }
        return purged;
    }

    @Override
    public int forget(Instant expiredBefore) {
        int forgotten = 0;
        for (TransferSlot slot : transfers.values()) {
            if (isForgettable(slot, expiredBefore)
                    && locked(slot, () -> isForgettable(slot, expiredBefore) && forget(slot))) {
                forgotten++;
            }
        }
        return forgotten;
    }

    /** How many transfers are live (neither complete nor expired) at {@code now}; walks every transfer. */
    long countLive(Instant now) {
        return transfers.values().stream().filter(slot -> slot.current().isLiveAt(now)).count();
    }

    /** Bytes of chunks uploaded and not yet acknowledged or purged, expired transfers included. */
    long storedChunkBytes() {
        long bytes = 0;
        for (TransferSlot slot : transfers.values()) {
            bytes += locked(slot, slot::storedBytes);
        }
        return bytes;
    }

    /** What the store holds, index entries included; for tests that prove nothing outlives its transfer. */
    Footprint footprint() {
        int chunks = 0;
        long bytes = 0;
        for (TransferSlot slot : transfers.values()) {
            chunks += locked(slot, slot::storedChunks);
            bytes += locked(slot, slot::storedBytes);
        }
        return new Footprint(transfers.size(), codes.size(), bySender.keys(), byAddress.keys(), chunks, bytes);
    }

    private boolean forget(TransferSlot slot) {
        Transfer transfer = slot.current();
        slot.markForgotten();
        transfers.remove(transfer.id(), slot);
        codes.remove(transfer.code(), transfer.id());
        bySender.remove(transfer.senderKeyId(), transfer.id());
        byAddress.remove(transfer.senderAddress(), transfer.id());
        return true;
    }

    private static boolean isPurgeable(TransferSlot slot, Instant now) {
        Transfer transfer = slot.current();
        return !slot.isForgotten() && transfer.isExpiredAt(now) && transfer.purgedAt().isEmpty();
    }

    private static boolean isForgettable(TransferSlot slot, Instant expiredBefore) {
        return !slot.isForgotten() && !slot.current().expiresAt().isAfter(expiredBefore);
    }

    private int countLive(Set<TransferId> ids, Instant now) {
        return (int) ids.stream().flatMap(id -> find(id).stream()).filter(it -> it.isLiveAt(now)).count();
    }

    /** Runs {@code change} under the transfer's lock if it is live at {@code now}; otherwise answers not live. */
    private <T> T whileLive(TransferId id, Instant now, Function<Optional<Transfer>, T> notLive,
            Function<TransferSlot, T> change) {
        return locked(id, () -> notLive.apply(Optional.empty()), slot -> slot.current().isLiveAt(now)
                ? change.apply(slot)
                : notLive.apply(Optional.of(slot.current())));
    }

    /** Runs {@code action} under the transfer's lock; a missing or forgotten transfer gets {@code missing}. */
    private <T> T locked(TransferId id, Supplier<T> missing, Function<TransferSlot, T> action) {
        TransferSlot slot = transfers.get(id);
        if (slot == null) {
            return missing.get();
        }
        return locked(slot, () -> slot.isForgotten() ? missing.get() : action.apply(slot));
    }

    private static <T> T locked(TransferSlot slot, Supplier<T> action) {
        slot.lock();
        try {
            return action.get();
        } finally {
            slot.unlock();
        }
    }

    /** Counts of what the store holds: transfers, codes, indexed senders and addresses, chunks and their bytes. */
    record Footprint(int transfers, int codes, int indexedSenders, int indexedAddresses, int chunks, long bytes) {
        static final Footprint EMPTY = new Footprint(0, 0, 0, 0, 0, 0);
    }
}
