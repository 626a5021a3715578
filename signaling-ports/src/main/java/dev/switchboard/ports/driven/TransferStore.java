package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Owns relay transfers and their chunks and decides the races on them: one receiver, one set of bytes per
 * chunk index, the server's byte budget, live invite codes. Chunk bytes are written one chunk at a time,
 * never as one growing document. Every change that is activity (claim, upload, acknowledgement) extends
 * the transfer's expiry with {@link Transfer#extendedExpiry} in the same step. A transfer that is not live
 * ({@link Transfer#isLiveAt}) changes no more, except by the sweep.
 */
public interface TransferStore {

    /**
     * Stores a new transfer unless a stored transfer (in any state, until it is forgotten) holds the same
     * invite code, or the bytes reserved by transfers live at {@code now} plus this one's
     * {@link Transfer#reservedBytes()} would exceed {@code maxReservedBytes}. Both checks and the insert are
     * one atomic step, also across instances sharing the store.
     */
    Creation create(Transfer transfer, Instant now, long maxReservedBytes);

    /** The transfer, in any state, until it is forgotten. */
    Optional<Transfer> find(TransferId id);

    /** The stored transfer holding {@code code}, in any state, until it is forgotten. */
    Optional<Transfer> findByCode(InviteCode code);

    /**
     * Makes {@code receiverKeyId} the transfer's one receiver if it is live and unclaimed. Claiming again
     * with the key that already holds it answers {@link Claim.Claimed} and changes nothing but the expiry.
     */
    Claim claim(TransferId id, String receiverKeyId, Instant now, Duration extension);

    /**
     * Stores a chunk if the transfer is live, the index is below its chunk count and the chunk fits its
     * bytes ({@code uploadedBytes + size <= reservedBytes}). An index already uploaded (even if since
     * acknowledged) with the same SHA-256 is {@link Upload.Duplicate}; with another SHA-256 it is
     * {@link Upload.Conflict}. Concurrent uploads of one index store exactly one.
     */
    Upload putChunk(Chunk chunk, Instant now, Duration extension);

    /** What the receiver can read at {@code index}. */
    ChunkRead readChunk(TransferId id, int index);

    /** The uploaded, unacknowledged chunk with the lowest index, if any. */
    Optional<Chunk> nextPendingChunk(TransferId id);

    /**
     * Deletes the chunk's bytes (keeping its SHA-256, for idempotency), counts it acknowledged and, with the
     * last chunk, marks the transfer complete at {@code now}. Acknowledging twice is
     * {@link Acknowledgement.AlreadyAcknowledged}.
     */
    Acknowledgement acknowledge(TransferId id, int index, Instant now, Duration extension);

    /** How many transfers live at {@code now} were created by {@code senderKeyId}. */
    int countLiveBySender(String senderKeyId, Instant now);

    /** How many transfers live at {@code now} were created from {@code senderAddress}. */
    int countLiveByAddress(String senderAddress, Instant now);

    /** Bytes reserved by transfers live at {@code now}: what the server may still have to hold. */
    long reservedBytes(Instant now);

    /**
     * Deletes the chunks of up to {@code limit} transfers that expired unfinished at {@code now} and were not
     * purged yet, marks them purged at {@code now} and returns them as they now are. Safe to run from several
     * instances at once: each transfer is returned by one run only.
     */
    List<Transfer> purgeExpired(Instant now, int limit);

    /** Forgets (with their chunks) the transfers whose expiry is at or before {@code expiredBefore}; returns how many. */
    int forget(Instant expiredBefore);

    /** The outcome of {@link #create}. */
    sealed interface Creation {
        record Created(Transfer transfer) implements Creation {}

        /** Another stored transfer holds the invite code; draw another and retry. */
        record CodeTaken() implements Creation {}

        /** The server's byte budget cannot take this transfer now. */
        record ServerFull(long reservedBytes) implements Creation {}
    }

    /** The outcome of {@link #claim}. */
    sealed interface Claim {
        record Claimed(Transfer transfer) implements Claim {}

        /** Another key claimed it first; nothing changed. */
        record AlreadyClaimed(Transfer transfer) implements Claim {}

        /** Missing, complete or expired. */
        record NotLive(Optional<Transfer> transfer) implements Claim {}
    }

    /** The outcome of {@link #putChunk}. */
    sealed interface Upload {
        record Stored(Transfer transfer) implements Upload {}

        /** The same bytes were already uploaded at this index; nothing changed but the expiry. */
        record Duplicate(Transfer transfer) implements Upload {}

        /** Other bytes were already uploaded at this index; nothing changed. */
        record Conflict(Transfer transfer) implements Upload {}

        /** The index is not below the chunk count, or the chunk would take the transfer past its bytes. */
        record OutOfBounds(Transfer transfer) implements Upload {}

        /** Missing, complete or expired. */
        record NotLive(Optional<Transfer> transfer) implements Upload {}
    }

    /** The outcome of {@link #readChunk}. */
    sealed interface ChunkRead {
        record Available(Chunk chunk) implements ChunkRead {}

        record Acknowledged() implements ChunkRead {}

        record NotUploaded() implements ChunkRead {}
    }

    /** The outcome of {@link #acknowledge}. */
    sealed interface Acknowledgement {
        record Acknowledged(Transfer transfer) implements Acknowledgement {}

        record AlreadyAcknowledged(Transfer transfer) implements Acknowledgement {}

        record NotUploaded(Transfer transfer) implements Acknowledgement {}

        /** Missing or expired (a complete transfer answers {@link AlreadyAcknowledged}). */
        record NotLive(Optional<Transfer> transfer) implements Acknowledgement {}
    }
}
