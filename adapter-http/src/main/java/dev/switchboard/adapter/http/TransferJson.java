package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.driving.GetTransfer;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferRole;
import dev.switchboard.ports.model.TransferState;
import java.time.Instant;

/**
 * A transfer's state and progress as either end sees it: never its invite code, verifier or the key ids of
 * its ends. {@code completedAt} only once complete.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransferJson(String transferId, String role, String state, int chunkCount, int chunkSize, long totalBytes,
        int uploadedChunks, long uploadedBytes, int acknowledgedChunks, boolean claimed, Instant expiresAt,
        Instant completedAt) {

    static TransferJson from(GetTransfer.View view) {
        return from(view.transfer(), view.role(), view.transfer().stateAt(view.readAt()));
    }

    static TransferJson from(Transfer transfer, TransferRole role, TransferState state) {
        return new TransferJson(transfer.id().value(), role.wireName(), state.wireName(), transfer.chunkCount(),
                transfer.maxChunkBytes(), transfer.reservedBytes(), transfer.uploadedChunks(),
                transfer.uploadedBytes(), transfer.acknowledgedChunks(), transfer.isClaimed(), transfer.expiresAt(),
                transfer.completedAt().orElse(null));
    }

    /**
     * The state of a transfer a use case just acted on. Acting on an expired transfer is refused, so it is
     * live or complete, and which one follows from the transfer alone, without a clock.
     */
    static TransferState stateAfterAction(Transfer transfer) {
        if (transfer.isComplete()) {
            return TransferState.COMPLETE;
        }
        return transfer.pendingChunks() > 0 ? TransferState.AVAILABLE : TransferState.WAITING;
    }
}
