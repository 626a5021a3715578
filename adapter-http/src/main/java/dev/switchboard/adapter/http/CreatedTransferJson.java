package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.model.Transfer;
import java.time.Instant;

/**
 * The response of {@code POST /v1/transfers}: the transfer, its invite code for the receiver, and the
 * sender's capability token, which never appears in {@link #toString()}.
 */
record CreatedTransferJson(String transferId, String code, String senderToken, String state, int chunkCount,
        int chunkSize, long totalBytes, Instant expiresAt, TransferLinks links) {

    static CreatedTransferJson from(CreateTransfer.Created created) {
        Transfer transfer = created.transfer();
        return new CreatedTransferJson(transfer.id().value(), transfer.code().value(), created.senderToken(),
                TransferJson.stateAfterAction(transfer).wireName(), transfer.chunkCount(), transfer.maxChunkBytes(),
                transfer.reservedBytes(), transfer.expiresAt(), TransferLinks.of(transfer.id()));
    }

    @Override
    public String toString() {
        return "CreatedTransferJson[transferId=" + transferId + ", code=(redacted), senderToken=(redacted)]";
    }
}
