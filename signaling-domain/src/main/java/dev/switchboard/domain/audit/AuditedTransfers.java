package dev.switchboard.domain.audit;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.TransferUseCases;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Transfer;
import java.util.Map;
import java.util.Optional;

/**
 * Audits the transfer relay: {@code transfer.created}, {@code transfer.claimed}, and {@code rate.limited}
 * when a claim is refused because the address spent its guessing budget ({@code transfer.completed} is told
 * by the acknowledgement through {@link AuditTrail#transferCompleted}, {@code transfer.expired} by the sweep).
 * Never chunk bytes, invite codes, verifiers or tokens.
 */
public final class AuditedTransfers {

    private AuditedTransfers() {}

    public static TransferUseCases wrap(TransferUseCases inner, AuditTrail trail) {
        if (!trail.enabled()) {
            return inner;
        }
        return new TransferUseCases(
                createTransfer(inner.createTransfer(), trail),
                claimTransfer(inner.claimTransfer(), trail),
                inner.uploadChunk(),
                inner.downloadChunk(),
                inner.acknowledgeChunk(),
                inner.getTransfer());
    }

    private static CreateTransfer createTransfer(CreateTransfer inner, AuditTrail trail) {
        return (caller, request) -> {
            CreateTransfer.Created created = inner.create(caller, request);
            Transfer transfer = created.transfer();
            trail.record(AuditEventType.TRANSFER_CREATED, caller.keyId(), Optional.of(transfer.id().value()),
                    Optional.of(request.clientAddress()), Map.of(
                            "chunks", Integer.toString(transfer.chunkCount()),
                            "reservedBytes", Long.toString(transfer.reservedBytes()),
                            "verifier", transfer.verifierDigest().isPresent() ? "bound" : "none"));
            return created;
        };
    }

    private static ClaimTransfer claimTransfer(ClaimTransfer inner, AuditTrail trail) {
        return (caller, request) -> {
            try {
                ClaimTransfer.Claimed claimed = inner.claim(caller, request);
                trail.record(AuditEventType.TRANSFER_CLAIMED, caller.keyId(),
                        Optional.of(claimed.transfer().id().value()), Optional.of(request.clientAddress()),
                        Map.of("sender", claimed.transfer().senderKeyId()));
                return claimed;
            } catch (SignalingException refused) {
                if (refused.code() == ErrorCode.RATE_LIMITED) {
                    trail.record(AuditEventType.RATE_LIMITED, caller.keyId(), Optional.empty(),
                            Optional.of(request.clientAddress()), Map.of("budget", "claim"));
                }
                throw refused;
            }
        };
    }
}
