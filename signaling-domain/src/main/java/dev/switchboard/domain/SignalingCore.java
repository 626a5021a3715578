package dev.switchboard.domain;

import dev.switchboard.domain.identity.AuthenticateRequestService;
import dev.switchboard.domain.identity.IssueCredentialService;
import dev.switchboard.domain.offers.OfferUseCases;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.SweepExpired;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The domain's one entry: builds every driving port from the driven ports and a policy. Embedding
 * Switchboard without Guice is {@code SignalingCore.create(storage, clock, entropy, policy).useCases()}.
 */
public final class SignalingCore {
    private final SignalingUseCases useCases;
    private final SweepExpired sweeper;

    private SignalingCore(SignalingUseCases useCases, SweepExpired sweeper) {
        this.useCases = useCases;
        this.sweeper = sweeper;
    }

    /** Wires the use cases; starts nothing and touches no store, so it is safe anywhere. */
    public static SignalingCore create(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(policy, "policy");
        OfferUseCases offers = OfferUseCases.create(storage.offers(), storage.events(), clock, entropy, policy);
        SignalingUseCases useCases = new SignalingUseCases(
                new IssueCredentialService(storage.credentials(), policy.masterKeys(), clock, entropy),
                new AuthenticateRequestService(storage.credentials(), storage.nonces(), policy.masterKeys(), clock,
                        policy.signatureWindow()),
                offers.publishOffers(),
                offers.discoverOffers(),
                offers.answerOffer(),
                offers.addIceCandidates(),
                offers.listIceCandidates(),
                offers.pollEvents(),
                offers.watchEvents(),
                offers.deleteOffer(),
                offers.updateOfferTags(),
                offers.executeBatch(),
                new ReportHealthService(storage));
        return new SignalingCore(useCases, new SweepExpiredService(storage.offers(), storage.nonces(), clock));
    }

    /** Every driving port, for transports. */
    public SignalingUseCases useCases() {
        return useCases;
    }

    /** Deletes expired records; the host application runs it on a schedule. */
    public SweepExpired sweeper() {
        return sweeper;
    }
}
