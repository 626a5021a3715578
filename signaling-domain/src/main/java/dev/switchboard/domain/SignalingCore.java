package dev.switchboard.domain;

import dev.switchboard.domain.identity.AuthenticateRequestService;
import dev.switchboard.domain.identity.IssueCredentialService;
import dev.switchboard.domain.offers.OfferUseCases;
import dev.switchboard.domain.pairing.PairingServices;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.SweepExpired;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The domain's one entry: builds every driving port from the driven ports and a policy. Embedding
 * Switchboard without Guice is {@code SignalingCore.create(storage, clock, entropy, policy, pairingPolicy)}
 * followed by {@code useCases()} and {@code pairing()}.
 */
public final class SignalingCore {
    private final SignalingUseCases useCases;
    private final PairingUseCases pairing;
    private final SweepExpired sweeper;

    private SignalingCore(SignalingUseCases useCases, PairingUseCases pairing, SweepExpired sweeper) {
        this.useCases = useCases;
        this.pairing = pairing;
        this.sweeper = sweeper;
    }

    /** Wires the use cases; starts nothing and touches no store, so it is safe anywhere. */
    public static SignalingCore create(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
            PairingPolicy pairingPolicy) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(pairingPolicy, "pairingPolicy");
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
        PairingUseCases pairing = PairingServices.create(storage.sessions(), storage.counters(), storage.nonces(),
                storage.events(), clock, entropy, pairingPolicy);
        SweepExpired sweeper = new SweepExpiredService(storage.offers(), storage.nonces(), storage.sessions(),
                storage.counters(), PairingServices.presenceSweep(storage.sessions(), storage.events(), pairingPolicy),
                clock);
        return new SignalingCore(useCases, pairing, sweeper);
    }

    /** Every driving port, for transports. */
    public SignalingUseCases useCases() {
        return useCases;
    }

    /** Every driving port of pairing sessions, for transports. */
    public PairingUseCases pairing() {
        return pairing;
    }

    /** Deletes expired records; the host application runs it on a schedule. */
    public SweepExpired sweeper() {
        return sweeper;
    }
}
