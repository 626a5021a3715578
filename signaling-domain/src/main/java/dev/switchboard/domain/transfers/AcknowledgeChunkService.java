package dev.switchboard.domain.transfers;

import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driven.TransferStore.Acknowledgement;
import dev.switchboard.ports.driving.AcknowledgeChunk;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferRole;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * Acknowledges a chunk for the receiver that holds the token and signed the call: the store deletes its
 * bytes and, with the last chunk, completes the transfer; {@code onCompleted} hears of that once, from the
 * acknowledgement that did it (a repeated acknowledgement completes nothing).
 */
final class AcknowledgeChunkService implements AcknowledgeChunk {
    private final TransferStore transfers;
    private final TransferLookup lookup;
    private final CapabilityTokens tokens;
    private final InstantSource clock;
    private final Duration activityExtension;
    private final Consumer<Transfer> onCompleted;

    AcknowledgeChunkService(TransferStore transfers, TransferLookup lookup, CapabilityTokens tokens,
            InstantSource clock, Duration activityExtension, Consumer<Transfer> onCompleted) {
        this.transfers = transfers;
        this.lookup = lookup;
        this.tokens = tokens;
        this.clock = clock;
        this.activityExtension = activityExtension;
        this.onCompleted = onCompleted;
    }

    @Override
    public Transfer acknowledge(Identity caller, String receiverToken, TransferId transferId, int index) {
        Instant now = clock.instant();
        tokens.verifyHeldBy(receiverToken, TransferRole.RECEIVER, transferId, caller.keyId(), now);
        Transfer transfer = lookup.find(transferId);
        if (index < 0 || index >= transfer.chunkCount()) {
            throw TransferErrors.indexOutOfRange(index, transfer.chunkCount());
        }
        Acknowledgement outcome = transfers.acknowledge(transferId, index, now, activityExtension);
        if (outcome instanceof Acknowledgement.Acknowledged acknowledged) {
            if (acknowledged.transfer().isComplete()) {
                onCompleted.accept(acknowledged.transfer());
            }
            return acknowledged.transfer();
        }
        if (outcome instanceof Acknowledgement.AlreadyAcknowledged already) {
            return already.transfer();
        }
        if (outcome instanceof Acknowledgement.NotUploaded) {
            throw TransferErrors.chunkNotAvailable(transferId, index);
        }
        throw TransferLookup.gone(transferId, ((Acknowledgement.NotLive) outcome).transfer());
    }
}
