package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFERS;
import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFER_CHUNKS;

import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Relay transfers in PostgreSQL, with every race decided by the database so that any number of instances
 * may share it. Creation runs under one advisory lock ({@link AdvisoryLock#TRANSFER_CREATION}), which makes
 * the code check, the server's byte budget and the insert one step; a claim is one conditional UPDATE; every
 * change to a transfer's chunks holds the transfer's row lock ({@link TransferRows#lock}) and updates the
 * progress counters in the same transaction. Chunk bytes are {@code bytea}, one row per chunk. See
 * docs/postgres.md for each race and its SQL.
 */
final class PostgresTransferStore implements TransferStore {
    private final Database database;
    private final ExpirySweep sweep;

    PostgresTransferStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    /**
     * Creators on every instance queue on the advisory lock, so no two can both see a code free or both fit
     * into the last free bytes. The unique code constraint backs the check up.
     */
    @Override
    public Creation create(Transfer transfer, Instant now, long maxReservedBytes) {
        return database.transaction(tx -> {
            AdvisoryLock.take(tx, AdvisoryLock.TRANSFER_CREATION);
            if (tx.fetchExists(TRANSFERS, TRANSFERS.CODE.eq(transfer.code().value()))) {
                return new Creation.CodeTaken();
            }
            long reserved = reservedBytes(tx, now);
            if (transfer.reservedBytes() > maxReservedBytes - reserved) {
                return new Creation.ServerFull(reserved);
            }
            try {
                TransferRows.insert(tx, transfer);
            } catch (DataAccessException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("transfer " + transfer.id() + " already exists", e);
                }
                throw e;
            }
            return new Creation.Created(transfer);
        });
    }

    @Override
    public Optional<Transfer> find(TransferId id) {
        return database.statement(dsl -> TransferRows.find(dsl, TRANSFERS.ID.eq(id.value())));
    }

    @Override
    public Optional<Transfer> findByCode(InviteCode code) {
        return database.statement(dsl -> TransferRows.find(dsl, TRANSFERS.CODE.eq(code.value())));
    }

    /**
     * One conditional UPDATE decides the race: concurrent claimers queue on the row lock, and each later one
     * re-evaluates the WHERE against the committed row, which then names another receiver.
     */
    @Override
    public Claim claim(TransferId id, String receiverKeyId, Instant now, Duration extension) {
        return database.statement(dsl -> {
            Optional<Transfer> claimed = dsl.update(TRANSFERS)
                    .set(TRANSFERS.RECEIVER_KEY_ID, receiverKeyId)
                    .set(TRANSFERS.EXPIRES_AT, TransferRows.extendedExpiry(now, extension))
                    .where(TRANSFERS.ID.eq(id.value()))
                    .and(TransferRows.liveAt(now))
                    .and(TRANSFERS.RECEIVER_KEY_ID.isNull().or(TRANSFERS.RECEIVER_KEY_ID.eq(receiverKeyId)))
                    .returning()
                    .fetchOptional(TransferRows::transfer);
            if (claimed.isPresent()) {
                return new Claim.Claimed(claimed.get());
            }
            Optional<Transfer> current = TransferRows.find(dsl, TRANSFERS.ID.eq(id.value()));
            return current.filter(transfer -> transfer.isLiveAt(now)).<Claim>map(Claim.AlreadyClaimed::new)
                    .orElseGet(() -> new Claim.NotLive(current));
        });
    }

    /**
     * Under the transfer's row lock: the index, an earlier upload of it, and the bytes left are checked and
     * the chunk inserted with the counters moved, so concurrent uploads (of one index or of several that
     * would together overrun the reserved bytes) are decided one after the other.
     */
    @Override
    public Upload putChunk(Chunk chunk, Instant now, Duration extension) {
        return database.transaction(tx -> {
            Optional<Transfer> locked = TransferRows.lock(tx, chunk.transferId());
            if (locked.isEmpty() || !locked.get().isLiveAt(now)) {
                return new Upload.NotLive(locked);
            }
            Transfer transfer = locked.get();
            if (chunk.index() >= transfer.chunkCount()) {
                return new Upload.OutOfBounds(transfer);
            }
            Optional<String> earlier = storedSha256(tx, chunk);
            if (earlier.isEmpty()) {
                if (chunk.size() > transfer.reservedBytes() - transfer.uploadedBytes()) {
                    return new Upload.OutOfBounds(transfer);
                }
                if (TransferRows.insertChunkIfAbsent(tx, chunk, now)) {
                    return new Upload.Stored(tx.update(TRANSFERS)
                            .set(TRANSFERS.UPLOADED_CHUNKS, TRANSFERS.UPLOADED_CHUNKS.plus(1))
                            .set(TRANSFERS.UPLOADED_BYTES, TRANSFERS.UPLOADED_BYTES.plus(chunk.size()))
                            .set(TRANSFERS.EXPIRES_AT, TransferRows.extendedExpiry(now, extension))
                            .where(TRANSFERS.ID.eq(transfer.id().value()))
                            .returning()
                            .fetchSingle(TransferRows::transfer));
                }
                // The primary key refused a second set of bytes; the row lock makes this a backstop only.
                earlier = storedSha256(tx, chunk);
            }
            return earlier.get().equals(chunk.sha256())
                    ? new Upload.Duplicate(extended(tx, transfer, now, extension))
                    : new Upload.Conflict(transfer);
        });
    }

    @Override
    public ChunkRead readChunk(TransferId id, int index) {
        return database.statement(dsl -> dsl.selectFrom(TRANSFER_CHUNKS)
                .where(TransferRows.chunkAt(id, index))
                .fetchOptional()
                .<ChunkRead>map(row -> row.getAcknowledgedAt() != null
                        ? new ChunkRead.Acknowledged()
                        : new ChunkRead.Available(TransferRows.chunk(row)))
                .orElseGet(ChunkRead.NotUploaded::new));
    }

    @Override
    public Optional<Chunk> nextPendingChunk(TransferId id) {
        return database.statement(dsl -> dsl.selectFrom(TRANSFER_CHUNKS)
                .where(TRANSFER_CHUNKS.TRANSFER_ID.eq(id.value()))
                .and(TRANSFER_CHUNKS.ACKNOWLEDGED_AT.isNull())
                .orderBy(TRANSFER_CHUNKS.CHUNK_INDEX)
                .limit(1)
                .fetchOptional(TransferRows::chunk));
    }

    /** Under the transfer's row lock, so two acknowledgements of one chunk count it once. */
    @Override
    public Acknowledgement acknowledge(TransferId id, int index, Instant now, Duration extension) {
        return database.transaction(tx -> {
            Optional<Transfer> locked = TransferRows.lock(tx, id);
            if (locked.isPresent() && locked.get().isComplete()) {
                return new Acknowledgement.AlreadyAcknowledged(locked.get());
            }
            if (locked.isEmpty() || !locked.get().isLiveAt(now)) {
                return new Acknowledgement.NotLive(locked);
            }
            Transfer transfer = locked.get();
            Optional<Record1<Instant>> uploaded = tx.select(TRANSFER_CHUNKS.ACKNOWLEDGED_AT)
                    .from(TRANSFER_CHUNKS)
                    .where(TransferRows.chunkAt(id, index))
                    .fetchOptional();
            if (uploaded.isEmpty()) {
                return new Acknowledgement.NotUploaded(transfer);
            }
            if (uploaded.get().value1() != null) {
                return new Acknowledgement.AlreadyAcknowledged(transfer);
            }
            tx.update(TRANSFER_CHUNKS)
                    .setNull(TRANSFER_CHUNKS.BYTES)
                    .set(TRANSFER_CHUNKS.ACKNOWLEDGED_AT, now)
                    .where(TransferRows.chunkAt(id, index))
                    .execute();
            boolean last = transfer.acknowledgedChunks() + 1 == transfer.chunkCount();
            return new Acknowledgement.Acknowledged(tx.update(TRANSFERS)
                    .set(TRANSFERS.ACKNOWLEDGED_CHUNKS, TRANSFERS.ACKNOWLEDGED_CHUNKS.plus(1))
                    .set(TRANSFERS.EXPIRES_AT, TransferRows.extendedExpiry(now, extension))
                    .set(TRANSFERS.COMPLETED_AT, last ? DSL.val(now) : TRANSFERS.COMPLETED_AT)
                    .where(TRANSFERS.ID.eq(id.value()))
                    .returning()
                    .fetchSingle(TransferRows::transfer));
        });
    }

    @Override
    public int countLiveBySender(String senderKeyId, Instant now) {
        return database.statement(dsl ->
                dsl.fetchCount(TRANSFERS, TRANSFERS.SENDER_KEY_ID.eq(senderKeyId).and(TransferRows.liveAt(now))));
    }

    @Override
    public int countLiveByAddress(String senderAddress, Instant now) {
        return database.statement(dsl ->
                dsl.fetchCount(TRANSFERS, TRANSFERS.SENDER_ADDRESS.eq(senderAddress).and(TransferRows.liveAt(now))));
    }

    @Override
    public long reservedBytes(Instant now) {
        return database.statement(dsl -> reservedBytes(dsl, now));
    }

    /**
     * One transaction claims the transfers with {@code FOR UPDATE SKIP LOCKED}, marks them purged and deletes
     * their chunks: purges on other instances skip the claimed rows, and once this one commits they no longer
     * match (the WHERE is re-checked on the new row), so each transfer is returned by one run only. A transfer
     * a writer holds is left for the next run.
     */
    @Override
    public List<Transfer> purgeExpired(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.transaction(tx -> {
            List<Transfer> purged = tx.update(TRANSFERS)
                    .set(TRANSFERS.PURGED_AT, now)
                    .where(TRANSFERS.ID.in(DSL.select(TRANSFERS.ID).from(TRANSFERS)
                            .where(TRANSFERS.COMPLETED_AT.isNull())
                            .and(TRANSFERS.PURGED_AT.isNull())
                            .and(TRANSFERS.EXPIRES_AT.le(now))
                            .orderBy(TRANSFERS.EXPIRES_AT)
                            .limit(limit)
                            .forUpdate()
                            .skipLocked()))
                    .returning()
                    .fetch(TransferRows::transfer);
            if (!purged.isEmpty()) {
                tx.deleteFrom(TRANSFER_CHUNKS)
                        .where(TRANSFER_CHUNKS.TRANSFER_ID.in(purged.stream().map(t -> t.id().value()).toList()))
                        .execute();
            }
            return purged;
        });
    }

    @Override
    public int forget(Instant expiredBefore) {
        return sweep.transfersExpiredBy(expiredBefore);
    }

    private static long reservedBytes(DSLContext dsl, Instant now) {
        BigDecimal sum = dsl.select(DSL.sum(TRANSFERS.RESERVED_BYTES))
                .from(TRANSFERS)
                .where(TransferRows.liveAt(now))
                .fetchOne(0, BigDecimal.class);
        return sum == null ? 0 : sum.longValueExact();
    }

    private static Optional<String> storedSha256(DSLContext tx, Chunk chunk) {
        return tx.select(TRANSFER_CHUNKS.SHA256)
                .from(TRANSFER_CHUNKS)
                .where(TransferRows.chunkAt(chunk.transferId(), chunk.index()))
                .fetchOptional(TRANSFER_CHUNKS.SHA256);
    }

    /** The transfer with its expiry pushed for activity at {@code now}, stored if it moved; under its row lock. */
    private static Transfer extended(DSLContext tx, Transfer transfer, Instant now, Duration extension) {
        if (transfer.extendedExpiry(now, extension).equals(transfer.expiresAt())) {
            return transfer;
        }
        return tx.update(TRANSFERS)
                .set(TRANSFERS.EXPIRES_AT, TransferRows.extendedExpiry(now, extension))
                .where(TRANSFERS.ID.eq(transfer.id().value()))
                .returning()
                .fetchSingle(TransferRows::transfer);
    }
}
