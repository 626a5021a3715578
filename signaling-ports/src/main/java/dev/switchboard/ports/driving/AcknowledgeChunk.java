package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;

/**
 * Acknowledges a downloaded chunk, with the receiver's capability token, signed by the identity the token
 * was issued to: the chunk's bytes are deleted and, with the last one, the transfer is complete.
 * Acknowledging twice is harmless; acknowledging a chunk not yet uploaded is {@code chunk_not_available}.
 */
public interface AcknowledgeChunk {

    Transfer acknowledge(Identity caller, String receiverToken, TransferId transferId, int index);
}
