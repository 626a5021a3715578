package dev.switchboard.domain.transfers;

import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driven.TransferStore.Upload;
import dev.switchboard.ports.driving.UploadChunk;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferRole;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;

/**
 * Stores one chunk for the sender: the token must be the sender's of this transfer, issued to the signing
 * identity; the chunk must fit the transfer's chunk size and index range. The store decides whether the
 * index is new, the same bytes again (idempotent) or other bytes (a conflict), and whether the bytes fit.
 */
final class UploadChunkService implements UploadChunk {
    private final TransferStore transfers;
    private final TransferLookup lookup;
    private final CapabilityTokens tokens;
    private final InstantSource clock;
    private final Duration activityExtension;

    UploadChunkService(TransferStore transfers, TransferLookup lookup, CapabilityTokens tokens, InstantSource clock,
            Duration activityExtension) {
        this.transfers = transfers;
        this.lookup = lookup;
        this.tokens = tokens;
        this.clock = clock;
        this.activityExtension = activityExtension;
    }

    @Override
    public Uploaded upload(Identity caller, String senderToken, TransferId transferId, int index, byte[] bytes) {
        Instant now = clock.instant();
        tokens.verifyHeldBy(senderToken, TransferRole.SENDER, transferId, caller.keyId(), now);
        Transfer transfer = lookup.find(transferId);
        if (bytes.length > transfer.maxChunkBytes()) {
            throw TransferErrors.chunkTooLarge(bytes.length, transfer.maxChunkBytes());
        }
        if (index < 0 || index >= transfer.chunkCount()) {
            throw TransferErrors.indexOutOfRange(index, transfer.chunkCount());
        }
        String sha256 = sha256Hex(bytes);
        Upload upload = transfers.putChunk(new Chunk(transferId, index, bytes, sha256), now, activityExtension);
        if (upload instanceof Upload.Stored stored) {
            return new Uploaded(stored.transfer(), index, sha256, false);
        }
        if (upload instanceof Upload.Duplicate duplicate) {
            return new Uploaded(duplicate.transfer(), index, sha256, true);
        }
        if (upload instanceof Upload.Conflict) {
            throw TransferErrors.chunkConflict(transferId, index);
        }
        if (upload instanceof Upload.OutOfBounds) {
            throw TransferErrors.bytesExceeded(transferId, transfer.reservedBytes());
        }
        throw TransferLookup.gone(transferId, ((Upload.NotLive) upload).transfer());
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
