package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferRole;
import java.time.Instant;
import java.util.Objects;

/** A transfer's state and progress, for the holder of either capability token. */
public interface GetTransfer {

    View get(String capabilityToken, TransferId transferId);

    /** The transfer, which end asks, and when the server read it (to tell its state). */
    record View(Transfer transfer, TransferRole role, Instant readAt) {
        public View {
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(readAt, "readAt");
        }
    }
}
