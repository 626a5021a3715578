package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.model.Transfer;
import java.time.Instant;

/** The response of {@code POST /v1/transfers/claim}: the transfer and the receiver's capability token. */
record ClaimedTransferJson(String transferId, String receiverToken, String state, int chunkCount, int chunkSize,
        long totalBytes, Instant expiresAt) {

    static ClaimedTransferJson from(ClaimTransfer.Claimed claimed) {
        Transfer transfer = claimed.transfer();
        return new ClaimedTransferJson(transfer.id().value(), claimed.receiverToken(),
                TransferJson.stateAfterAction(transfer).wireName(), transfer.chunkCount(), transfer.maxChunkBytes(),
                transfer.reservedBytes(), transfer.expiresAt());
    }

    @Override
    public String toString() {
        return "ClaimedTransferJson[transferId=" + transferId + ", receiverToken=(redacted)]";
    }
}
