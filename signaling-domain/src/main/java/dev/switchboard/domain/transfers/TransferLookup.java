package dev.switchboard.domain.transfers;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.time.Instant;
import java.util.Optional;

/** Finds transfers and names why one can no longer be acted on. */
final class TransferLookup {
    private final TransferStore transfers;

    TransferLookup(TransferStore transfers) {
        this.transfers = transfers;
    }

    /** The transfer in any state, or {@code transfer_not_found}. */
    Transfer find(TransferId id) {
        return transfers.find(id).orElseThrow(() -> TransferErrors.notFound(id));
    }

    /** The transfer if it is live at {@code now}; otherwise the refusal saying why not. */
    Transfer live(TransferId id, Instant now) {
        Transfer transfer = find(id);
        if (!transfer.isLiveAt(now)) {
            throw gone(id, Optional.of(transfer));
        }
        return transfer;
    }

    /** Why a transfer the store found not live refuses: gone, complete, or expired. */
    static SignalingException gone(TransferId id, Optional<Transfer> transfer) {
        if (transfer.isEmpty()) {
            return TransferErrors.notFound(id);
        }
        return transfer.get().isComplete() ? TransferErrors.complete(id) : TransferErrors.expired(id);
    }
}
