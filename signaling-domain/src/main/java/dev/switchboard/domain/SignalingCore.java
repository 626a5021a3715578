package dev.switchboard.domain;

import dev.switchboard.domain.audit.AuditTrail;
import dev.switchboard.domain.audit.AuditedPairing;
import dev.switchboard.domain.audit.AuditedSignaling;
import dev.switchboard.domain.audit.AuditedTransfers;
import dev.switchboard.domain.enterprise.EnterpriseServices;
import dev.switchboard.domain.identity.AuthenticateRequestService;
import dev.switchboard.domain.identity.IssueCredentialService;
import dev.switchboard.domain.identity.ReencryptSecretsService;
import dev.switchboard.domain.offers.OfferUseCases;
import dev.switchboard.domain.pairing.PairingServices;
import dev.switchboard.domain.peerjs.PeerJsServices;
import dev.switchboard.domain.transfers.TransferServices;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.driving.ReencryptSecrets;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.SweepExpired;
import dev.switchboard.ports.driving.TransferUseCases;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The domain's one entry: builds every driving port from the driven ports and the policies. Embedding
 * Switchboard without Guice is {@code SignalingCore.create(storage, clock, entropy, policy, pairingPolicy)}
 * followed by {@code useCases()}, {@code pairing()}, {@code transfers()} and {@code peerJs()}; {@link #builder}
 * sets the other policies. On an Enterprise edition every use case that changes something worth knowing is
 * wrapped to record it in the audit log.
 */
public final class SignalingCore {
    private final SignalingUseCases useCases;
    private final PairingUseCases pairing;
    private final TransferUseCases transfers;
    private final PeerJsUseCases peerJs;
    private final EnterpriseUseCases enterprise;
    private final OperationsUseCases operations;
    private final SweepExpired sweeper;
    private final ReencryptSecrets reencryptSecrets;

    private SignalingCore(SignalingUseCases useCases, PairingUseCases pairing, TransferUseCases transfers,
            PeerJsUseCases peerJs, EnterpriseUseCases enterprise, OperationsUseCases operations, SweepExpired sweeper,
            ReencryptSecrets reencryptSecrets) {
        this.useCases = useCases;
        this.pairing = pairing;
        this.transfers = transfers;
        this.peerJs = peerJs;
        this.enterprise = enterprise;
        this.operations = operations;
        this.sweeper = sweeper;
        this.reencryptSecrets = reencryptSecrets;
    }

    /**
     * A Consumer server with the default transfer rules and rate limits, signed with the pairing policy's
     * signing key. Wires the use cases; starts nothing and touches no store, so it is safe anywhere.
     */
    public static SignalingCore create(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
            PairingPolicy pairingPolicy) {
        return builder(storage, clock, entropy, policy, pairingPolicy).build();
    }

    /** Wires the use cases with the default rate limits; starts nothing and touches no store. */
    public static SignalingCore create(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
            PairingPolicy pairingPolicy, TransferPolicy transferPolicy, EnterprisePolicy enterprisePolicy) {
        return builder(storage, clock, entropy, policy, pairingPolicy)
                .transfers(transferPolicy)
                .enterprise(enterprisePolicy)
                .build();
    }

    /**
     * A builder of a core over these ports and rules; the other policies default to
     * {@link TransferPolicy#defaults} (signed with the pairing policy's key), {@link EnterprisePolicy#consumer()},
     * {@link RateLimitPolicy#defaults()} and {@link PeerJsPolicy#defaults()}.
     */
    public static Builder builder(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
            PairingPolicy pairingPolicy) {
        return new Builder(storage, clock, entropy, policy, pairingPolicy);
    }

    /** Every driving port, for transports. */
    public SignalingUseCases useCases() {
        return useCases;
    }

    /** Every driving port of pairing sessions, for transports. */
    public PairingUseCases pairing() {
        return pairing;
    }

    /** Every driving port of the transfer relay, for transports. */
    public TransferUseCases transfers() {
        return transfers;
    }

    /** Every driving port of the PeerJS-compatible endpoint, for its transport. */
    public PeerJsUseCases peerJs() {
        return peerJs;
    }

    /** The edition, the admin gate and every Enterprise driving port (refusing on Consumer), for transports. */
    public EnterpriseUseCases enterprise() {
        return enterprise;
    }

    /** Rate limits and store statistics, for transports and metrics. */
    public OperationsUseCases operations() {
        return operations;
    }

    /** Deletes expired records; the host application runs it on a schedule. */
    public SweepExpired sweeper() {
        return sweeper;
    }

    /** Re-encrypts stored secrets to the current master key; the host application's key rotation runs it. */
    public ReencryptSecrets reencryptSecrets() {
        return reencryptSecrets;
    }

    /** Collects the optional policies, then wires the core. */
    public static final class Builder {
        private final SignalingStorage storage;
        private final InstantSource clock;
        private final Entropy entropy;
        private final SignalingPolicy policy;
        private final PairingPolicy pairingPolicy;
        private TransferPolicy transferPolicy;
        private EnterprisePolicy enterprisePolicy = EnterprisePolicy.consumer();
        private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.defaults();
        private PeerJsPolicy peerJsPolicy = PeerJsPolicy.defaults();

        private Builder(SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
                PairingPolicy pairingPolicy) {
            this.storage = Objects.requireNonNull(storage, "storage");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.entropy = Objects.requireNonNull(entropy, "entropy");
            this.policy = Objects.requireNonNull(policy, "policy");
            this.pairingPolicy = Objects.requireNonNull(pairingPolicy, "pairingPolicy");
            this.transferPolicy = TransferPolicy.defaults(pairingPolicy.signingKey());
        }

        public Builder transfers(TransferPolicy transferPolicy) {
            this.transferPolicy = Objects.requireNonNull(transferPolicy, "transferPolicy");
            return this;
        }

        public Builder enterprise(EnterprisePolicy enterprisePolicy) {
            this.enterprisePolicy = Objects.requireNonNull(enterprisePolicy, "enterprisePolicy");
            return this;
        }

        public Builder rateLimits(RateLimitPolicy rateLimitPolicy) {
            this.rateLimitPolicy = Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
            return this;
        }

        public Builder peerJs(PeerJsPolicy peerJsPolicy) {
            this.peerJsPolicy = Objects.requireNonNull(peerJsPolicy, "peerJsPolicy");
            return this;
        }

        /** Wires the use cases; starts nothing and touches no store, so it is safe anywhere. */
        public SignalingCore build() {
            AuditTrail trail = new AuditTrail(storage.auditLog(), clock, enterprisePolicy.edition());
            OfferUseCases offers = OfferUseCases.create(storage.offers(), storage.events(), clock, entropy, policy);
            SignalingUseCases useCases = new SignalingUseCases(
                    new IssueCredentialService(storage.credentials(), policy.masterKeys(), clock, entropy,
                            policy.credentialLifetime()),
                    new AuthenticateRequestService(storage.credentials(), storage.nonces(), policy.masterKeys(),
                            clock, policy.signatureWindow()),
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
            PairingUseCases pairing = PairingServices.create(storage.sessions(), storage.counters(),
                    storage.nonces(), storage.events(), clock, entropy, pairingPolicy);
            TransferUseCases transfers = TransferServices.create(storage.transfers(), storage.counters(), clock,
                    entropy, transferPolicy, trail::transferCompleted);
            PeerJsUseCases peerJs = PeerJsServices.create(storage.peers(), storage.events(), clock, entropy,
                    pairingPolicy.signingKey(), peerJsPolicy);
            EnterpriseUseCases enterprise = EnterpriseServices.create(storage.devices(), storage.auditLog(), clock,
                    enterprisePolicy, trail);
            OperationsUseCases operations = new OperationsUseCases(
                    new AdmitRequestService(storage, storage.counters(), rateLimitPolicy, trail, clock),
                    new ReportStatisticsService(storage, clock));
            SweepExpired sweeper = new SweepExpiredService(storage.offers(), storage.nonces(), storage.sessions(),
                    storage.counters(), storage.transfers(), storage.devices(), storage.rateLimits(),
                    storage.credentials(),
                    PairingServices.presenceSweep(storage.sessions(), storage.events(), pairingPolicy),
                    transferPolicy.retention(), peerJs.expirePeerMessages(), storage.peers(),
                    peerJsPolicy.aliveTimeout(), trail, clock);
            return new SignalingCore(AuditedSignaling.wrap(useCases, trail), AuditedPairing.wrap(pairing, trail),
                    AuditedTransfers.wrap(transfers, trail), peerJs, enterprise, operations, sweeper,
                    new ReencryptSecretsService(storage.credentials(), policy.masterKeys(), entropy));
        }
    }
}
