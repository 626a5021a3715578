package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.util.Objects;

/**
 * Reads a chunk for the receiver, by the receiver's capability token; reading changes nothing, so a lost
 * response is simply read again. A chunk is deleted only by {@link AcknowledgeChunk}.
 */
public interface DownloadChunk {

    /**
     * The chunk at {@code index}; refused with {@code chunk_not_available} before it is uploaded and
     * {@code chunk_acknowledged} after it was acknowledged.
     */
    Chunk byIndex(String receiverToken, TransferId transferId, int index);

    /** The uploaded, unacknowledged chunk with the lowest index, or what the transfer is waiting for. */
    Next next(String receiverToken, TransferId transferId);

    /** The outcome of {@link #next}. */
    sealed interface Next {
        record Ready(Chunk chunk, Transfer transfer) implements Next {
            public Ready {
                Objects.requireNonNull(chunk, "chunk");
                Objects.requireNonNull(transfer, "transfer");
            }
        }

        /** Nothing to read now: the transfer is {@code waiting} for uploads, or {@code complete}. */
        record Nothing(Transfer transfer) implements Next {
            public Nothing {
                Objects.requireNonNull(transfer, "transfer");
            }
        }
    }
}
