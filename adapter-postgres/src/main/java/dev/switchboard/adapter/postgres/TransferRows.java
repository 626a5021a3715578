package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFERS;
import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFER_CHUNKS;

import dev.switchboard.adapter.postgres.schema.tables.records.TransferChunksRecord;
import dev.switchboard.adapter.postgres.schema.tables.records.TransfersRecord;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Reads and writes transfer and chunk rows, and translates them to and from the ports' values. */
final class TransferRows {

    private TransferRows() {}

    /** Neither complete nor expired at {@code now}: {@link Transfer#isLiveAt} in SQL. */
    static Condition liveAt(Instant now) {
        return TRANSFERS.COMPLETED_AT.isNull().and(TRANSFERS.EXPIRES_AT.gt(now));
    }

    /** {@link Transfer#extendedExpiry} in SQL: {@code greatest(expires_at, least(now + extension, hard_expires_at))}. */
    static Field<Instant> extendedExpiry(Instant now, Duration extension) {
        return DSL.greatest(TRANSFERS.EXPIRES_AT, DSL.least(DSL.val(now.plus(extension)), TRANSFERS.HARD_EXPIRES_AT));
    }

    static Optional<Transfer> find(DSLContext dsl, Condition which) {
        return dsl.selectFrom(TRANSFERS).where(which).fetchOptional(TransferRows::transfer);
    }

    /**
     * Locks the transfer's row for the rest of {@code transaction} and returns it, in any state. Every change
     * to a transfer's chunks holds this lock, so they happen one at a time per transfer and the counters on
     * the row always agree with the chunk rows. {@code FOR NO KEY UPDATE}, the lock an UPDATE takes, still
     * lets chunk inserts check their foreign key.
     */
    static Optional<Transfer> lock(DSLContext transaction, TransferId id) {
        return transaction.selectFrom(TRANSFERS)
                .where(TRANSFERS.ID.eq(id.value()))
                .forNoKeyUpdate()
                .fetchOptional(TransferRows::transfer);
    }

    static void insert(DSLContext transaction, Transfer transfer) {
        transaction.insertInto(TRANSFERS)
                .set(TRANSFERS.ID, transfer.id().value())
                .set(TRANSFERS.CODE, transfer.code().value())
                .set(TRANSFERS.SENDER_KEY_ID, transfer.senderKeyId())
                .set(TRANSFERS.SENDER_ADDRESS, transfer.senderAddress())
                .set(TRANSFERS.CHUNK_COUNT, transfer.chunkCount())
                .set(TRANSFERS.MAX_CHUNK_BYTES, transfer.maxChunkBytes())
                .set(TRANSFERS.RESERVED_BYTES, transfer.reservedBytes())
                .set(TRANSFERS.VERIFIER_DIGEST, transfer.verifierDigest().orElse(null))
                .set(TRANSFERS.RECEIVER_KEY_ID, transfer.receiverKeyId().orElse(null))
                .set(TRANSFERS.CREATED_AT, transfer.createdAt())
                .set(TRANSFERS.EXPIRES_AT, transfer.expiresAt())
                .set(TRANSFERS.HARD_EXPIRES_AT, transfer.hardExpiresAt())
                .set(TRANSFERS.UPLOADED_CHUNKS, transfer.uploadedChunks())
                .set(TRANSFERS.UPLOADED_BYTES, transfer.uploadedBytes())
                .set(TRANSFERS.ACKNOWLEDGED_CHUNKS, transfer.acknowledgedChunks())
                .set(TRANSFERS.COMPLETED_AT, transfer.completedAt().orElse(null))
                .set(TRANSFERS.PURGED_AT, transfer.purgedAt().orElse(null))
                .execute();
    }

    /** Stores the chunk's bytes unless its index already holds some; returns whether it stored them. */
    static boolean insertChunkIfAbsent(DSLContext transaction, Chunk chunk, Instant now) {
        return transaction.insertInto(TRANSFER_CHUNKS)
                .set(TRANSFER_CHUNKS.TRANSFER_ID, chunk.transferId().value())
                .set(TRANSFER_CHUNKS.CHUNK_INDEX, chunk.index())
                .set(TRANSFER_CHUNKS.SHA256, chunk.sha256())
                .set(TRANSFER_CHUNKS.SIZE, chunk.size())
                .set(TRANSFER_CHUNKS.BYTES, chunk.bytes())
                .set(TRANSFER_CHUNKS.UPLOADED_AT, now)
                .onConflictOnConstraint(DSL.name("transfer_chunks_pk"))
                .doNothing()
                .execute() == 1;
    }

    static Condition chunkAt(TransferId id, int index) {
        return TRANSFER_CHUNKS.TRANSFER_ID.eq(id.value()).and(TRANSFER_CHUNKS.CHUNK_INDEX.eq(index));
    }

    static Transfer transfer(TransfersRecord row) {
        return new Transfer(
                new TransferId(row.getId()),
                new InviteCode(row.getCode()),
                row.getSenderKeyId(),
                row.getSenderAddress(),
                row.getChunkCount(),
                row.getMaxChunkBytes(),
                row.getReservedBytes(),
                Optional.ofNullable(row.getVerifierDigest()),
                Optional.ofNullable(row.getReceiverKeyId()),
                row.getCreatedAt(),
                row.getExpiresAt(),
                row.getHardExpiresAt(),
                row.getUploadedChunks(),
                row.getUploadedBytes(),
                row.getAcknowledgedChunks(),
                Optional.ofNullable(row.getCompletedAt()),
                Optional.ofNullable(row.getPurgedAt()));
    }

    /** The chunk of a row whose bytes are still held. */
    static Chunk chunk(TransferChunksRecord row) {
        return new Chunk(new TransferId(row.getTransferId()), row.getChunkIndex(), row.getBytes(), row.getSha256());
    }
}
