package dev.switchboard.domain.transfers;

import dev.switchboard.domain.TransferPolicy;
import dev.switchboard.domain.shared.FailureBudget;
import dev.switchboard.domain.shared.InviteCodes;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driving.TransferUseCases;
import dev.switchboard.ports.model.Transfer;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds the transfer relay's use cases, so that {@link dev.switchboard.domain.SignalingCore} can assemble
 * them. Starts nothing and touches no store.
 */
public final class TransferServices {
    /** The counter prefix of the claim guessing budget. */
    static final String CLAIM_FAILURES = "claim-failures";

    private TransferServices() {}

    /**
     * Every transfer use case; {@code clock} is read to the millisecond, the precision stores keep.
     *
     * @param onCompleted hears of each transfer once, when the acknowledgement of its last chunk completes it
     */
    public static TransferUseCases create(TransferStore transfers, CounterStore counters, InstantSource clock,
            Entropy entropy, TransferPolicy policy, Consumer<Transfer> onCompleted) {
        Objects.requireNonNull(transfers, "transfers");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(onCompleted, "onCompleted");
        InstantSource millis = new MillisecondClock(Objects.requireNonNull(clock, "clock"));
        TransferLookup lookup = new TransferLookup(transfers);
        CapabilityTokens tokens = new CapabilityTokens(policy.signingKey());
        AccessVerifiers verifiers = new AccessVerifiers(policy.signingKey(), policy.maxVerifierLength());
        FailureBudget claimBudget = new FailureBudget(counters, CLAIM_FAILURES, policy.claimFailureBudget(),
                policy.claimFailureWindow(), TransferErrors::claimBudgetSpent);
        return new TransferUseCases(
                new CreateTransferService(transfers, millis, new TransferIds(entropy), new InviteCodes(entropy),
                        verifiers, tokens, TransferLifetimes.of(policy), policy),
                new ClaimTransferService(transfers, verifiers, tokens, claimBudget, millis,
                        policy.activityExtension()),
                new UploadChunkService(transfers, lookup, tokens, millis, policy.activityExtension()),
                new DownloadChunkService(transfers, lookup, tokens, millis),
                new AcknowledgeChunkService(transfers, lookup, tokens, millis, policy.activityExtension(), onCompleted),
                new GetTransferService(lookup, tokens, millis));
    }
}
