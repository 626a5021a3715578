package dev.switchboard.domain.transfers;

import dev.switchboard.domain.shared.FailureBudget;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driven.TransferStore.Claim;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferRole;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;

/**
 * Claims a transfer as its one receiver. The client address's failure budget is checked first, so a spent
 * budget refuses even a correct code, and every refusal that could be a guess spends from it. The verifier
 * is checked before the transfer's state is told, so a code without its verifier reveals nothing more. The
 * sender may not claim its own transfer: a relay to oneself is a mistake, and would hide whose the bytes are.
 */
final class ClaimTransferService implements ClaimTransfer {
    private static final Set<ErrorCode> FAILED_GUESSES = EnumSet.of(ErrorCode.TRANSFER_NOT_FOUND,
            ErrorCode.VERIFIER_MISMATCH, ErrorCode.TRANSFER_EXPIRED, ErrorCode.TRANSFER_COMPLETE,
            ErrorCode.TRANSFER_ALREADY_CLAIMED);

    private final TransferStore transfers;
    private final AccessVerifiers verifiers;
    private final CapabilityTokens tokens;
    private final FailureBudget budget;
    private final InstantSource clock;
    private final Duration activityExtension;

    ClaimTransferService(TransferStore transfers, AccessVerifiers verifiers, CapabilityTokens tokens,
            FailureBudget budget, InstantSource clock, Duration activityExtension) {
        this.transfers = transfers;
        this.verifiers = verifiers;
        this.tokens = tokens;
        this.budget = budget;
        this.clock = clock;
        this.activityExtension = activityExtension;
    }

    @Override
    public Claimed claim(Identity caller, Request request) {
        Instant now = clock.instant();
        budget.requireRemaining(request.clientAddress(), now);
        try {
            return claim(caller, request, now);
        } catch (SignalingException refused) {
            if (FAILED_GUESSES.contains(refused.code())) {
                budget.recordFailure(request.clientAddress(), now);
            }
            throw refused;
        }
    }

    private Claimed claim(Identity caller, Request request, Instant now) {
        Transfer found = transfers.findByCode(request.code()).orElseThrow(TransferErrors::noTransferWithCode);
        if (found.senderKeyId().equals(caller.keyId())) {
            throw TransferErrors.ownTransfer();
        }
        if (!verifiers.opens(found, request.accessVerifier())) {
            throw TransferErrors.verifierMismatch();
        }
        Claim claim = transfers.claim(found.id(), caller.keyId(), now, activityExtension);
        if (claim instanceof Claim.Claimed claimed) {
            return new Claimed(claimed.transfer(),
                    tokens.issue(TransferRole.RECEIVER, claimed.transfer(), caller.keyId()));
        }
        if (claim instanceof Claim.AlreadyClaimed) {
            throw TransferErrors.alreadyClaimed(found.id());
        }
        throw TransferLookup.gone(found.id(), ((Claim.NotLive) claim).transfer());
    }
}
