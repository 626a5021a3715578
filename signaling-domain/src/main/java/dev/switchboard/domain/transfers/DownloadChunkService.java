package dev.switchboard.domain.transfers;

import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driven.TransferStore.ChunkRead;
import dev.switchboard.ports.driving.DownloadChunk;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferRole;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Reads chunks for the receiver by its capability token alone (downloads are plain GETs). Reading changes
 * nothing, so a response lost on the way is read again; only an acknowledgement deletes a chunk.
 */
final class DownloadChunkService implements DownloadChunk {
    private final TransferStore transfers;
    private final TransferLookup lookup;
    private final CapabilityTokens tokens;
    private final InstantSource clock;

    DownloadChunkService(TransferStore transfers, TransferLookup lookup, CapabilityTokens tokens,
            InstantSource clock) {
        this.transfers = transfers;
        this.lookup = lookup;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Chunk byIndex(String receiverToken, TransferId transferId, int index) {
        Transfer transfer = readable(receiverToken, transferId);
        if (index < 0 || index >= transfer.chunkCount()) {
            throw TransferErrors.indexOutOfRange(index, transfer.chunkCount());
        }
        ChunkRead read = transfers.readChunk(transferId, index);
        if (read instanceof ChunkRead.Available available) {
            return available.chunk();
        }
        if (read instanceof ChunkRead.Acknowledged) {
            throw TransferErrors.chunkAcknowledged(transferId, index);
        }
        throw TransferErrors.chunkNotAvailable(transferId, index);
    }

    @Override
    public Next next(String receiverToken, TransferId transferId) {
        Transfer transfer = readable(receiverToken, transferId);
        Optional<Chunk> chunk = transfers.nextPendingChunk(transferId);
        return chunk.<Next>map(ready -> new Next.Ready(ready, transfer)).orElseGet(() -> new Next.Nothing(transfer));
    }

    /** The transfer, once the token is the receiver's and the transfer has not expired (a complete one reads). */
    private Transfer readable(String receiverToken, TransferId transferId) {
        Instant now = clock.instant();
        tokens.verify(receiverToken, TransferRole.RECEIVER, transferId, now);
        Transfer transfer = lookup.find(transferId);
        if (transfer.isExpiredAt(now)) {
            throw TransferErrors.expired(transferId);
        }
        return transfer;
    }
}
