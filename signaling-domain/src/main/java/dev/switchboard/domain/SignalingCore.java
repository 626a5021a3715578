package dev.switchboard.domain;

import dev.switchboard.domain.audit.AuditTrail;
import dev.switchboard.domain.audit.AuditedPairing;
import dev.switchboard.domain.audit.AuditedSignaling;
import dev.switchboard.domain.audit.AuditedTransfers;
import dev.switchboard.domain.enterprise.EnterpriseServices;
import dev.switchboard.domain.identity.AuthenticateRequestService;
import dev.switchboard.domain.identity.IssueCredentialService;
import dev.switchboard.domain.offers.OfferUseCases;
import dev.switchboard.domain.pairing.PairingServices;
import dev.switchboard.domain.transfers.TransferServices;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.SweepExpired;
import dev.switchboard.ports.driving.TransferUseCases;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The domain's one entry: builds every driving port from the driven ports and the policies. Embedding
 * Switchboard without Guice is {@code SignalingCore.create(storage, clock, entropy, policy, pairingPolicy)}
 * followed by {@code useCases()}, {@code pairing()} and {@code transfers()}. On an Enterprise edition every
 * use case that changes something worth knowing is wrapped to record it in the audit log.
 */
public final class SignalingCore {
    private final SignalingUseCases useCases;
    private final PairingUseCases pairing;
    private final TransferUseCases transfers;
    private final EnterpriseUseCases enterprise;
    private final SweepExpired sweeper;

    private SignalingCore(SignalingUseCases useCases, PairingUseCases pairing, TransferUseCases transfers,
            EnterpriseUseCases enterprise, SweepExpired sweeper) {
        this.useCases = useCases;
        this.pairing = pairing;
        this.transfers = transfers;
        this.enterprise = enterprise;
        this.sweeper = sweeper;
    }

    /**
     * A Consumer server with the default transfer rules, signed with the pairing policy's signing key.
     * Wires the use cases; starts nothing and touches no store, so it is safe anywhere.
     */
    public static SignalingCore create(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
            PairingPolicy pairingPolicy) {
        Objects.requireNonNull(pairingPolicy, "pairingPolicy");
        return create(storage, clock, entropy, policy, pairingPolicy,
                TransferPolicy.defaults(pairingPolicy.signingKey()), EnterprisePolicy.consumer());
    }

    /** Wires the use cases; starts nothing and touches no store, so it is safe anywhere. */
    public static SignalingCore create(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
            PairingPolicy pairingPolicy, TransferPolicy transferPolicy, EnterprisePolicy enterprisePolicy) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(pairingPolicy, "pairingPolicy");
        Objects.requireNonNull(transferPolicy, "transferPolicy");
        Objects.requireNonNull(enterprisePolicy, "enterprisePolicy");
        AuditTrail trail = new AuditTrail(storage.auditLog(), clock, enterprisePolicy.edition());
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
        TransferUseCases transfers = TransferServices.create(storage.transfers(), storage.counters(), clock, entropy,
                transferPolicy, trail::transferCompleted);
        EnterpriseUseCases enterprise = EnterpriseServices.create(storage.devices(), storage.auditLog(), clock,
                enterprisePolicy, trail);
        SweepExpired sweeper = new SweepExpiredService(storage.offers(), storage.nonces(), storage.sessions(),
                storage.counters(), storage.transfers(), storage.devices(),
                PairingServices.presenceSweep(storage.sessions(), storage.events(), pairingPolicy),
                transferPolicy.retention(), trail, clock);
        return new SignalingCore(AuditedSignaling.wrap(useCases, trail), AuditedPairing.wrap(pairing, trail),
                AuditedTransfers.wrap(transfers, trail), enterprise, sweeper);
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

    /** The edition, the admin gate and every Enterprise driving port (refusing on Consumer), for transports. */
    public EnterpriseUseCases enterprise() {
        return enterprise;
    }

    /** Deletes expired records; the host application runs it on a schedule. */
    public SweepExpired sweeper() {
        return sweeper;
    }
}
