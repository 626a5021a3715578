package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;

/**
 * Uploads one chunk's bytes by index, with the sender's capability token, signed by the identity the token
 * was issued to. Chunks may come in any order and in parallel. Re-uploading the same bytes is idempotent;
 * other bytes at an uploaded index are refused with {@code chunk_conflict}; a chunk larger than the
 * transfer's chunk size is {@code payload_too_large}, one past its declared bytes {@code transfer_bytes_exceeded}.
 */
public interface UploadChunk {

    Uploaded upload(Identity caller, String senderToken, TransferId transferId, int index, byte[] bytes);

    /** @param duplicate whether these bytes were already there */
    record Uploaded(Transfer transfer, int index, String sha256, boolean duplicate) {}
}
