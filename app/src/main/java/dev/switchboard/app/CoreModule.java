package dev.switchboard.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.domain.RateLimitPolicy;
import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.SignalingCore;
import dev.switchboard.domain.SignalingPolicy;
import dev.switchboard.domain.TransferPolicy;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the domain core and what it needs from the platform: time, randomness, policies and keys. */
final class CoreModule extends AbstractModule {
    private static final Logger log = LoggerFactory.getLogger(CoreModule.class);
    private static final int MASTER_KEY_BYTES = 32;

    private static final int SIGNING_KEY_BYTES = 32;

    private final SigningConfig signing;
    private final OfferConfig offers;
    private final PairingConfig pairing;
    private final TransferConfig transfers;
    private final EditionConfig edition;
    private final RateLimitConfig rateLimits;

    CoreModule(SigningConfig signing, OfferConfig offers, PairingConfig pairing, TransferConfig transfers,
            EditionConfig edition, RateLimitConfig rateLimits) {
        this.signing = signing;
        this.offers = offers;
        this.pairing = pairing;
        this.transfers = transfers;
        this.edition = edition;
        this.rateLimits = rateLimits;
    }

    @Provides
    @Singleton
    InstantSource clock() {
        return InstantSource.system();
    }

    @Provides
    @Singleton
    Entropy entropy() {
        return SecureRandomEntropy.create();
    }

    /** The configured keys, or a key for this run only (fine for a store that forgets everything anyway). */
    @Provides
    @Singleton
    MasterKeyRing masterKeys(Entropy entropy) {
        return signing.masterKeys().orElseGet(() -> {
            log.warn("No SWITCHBOARD_MASTER_KEY configured: sealing credential secrets with a random key for this "
                    + "run only; issued credentials will not survive a restart");
            return MasterKeyRing.of(entropy.nextBytes(MASTER_KEY_BYTES));
        });
    }

    /** The configured rules; limits without a setting keep the domain's defaults. */
    @Provides
    @Singleton
    SignalingPolicy policy(MasterKeyRing masterKeys) {
        SignalingPolicy defaults = SignalingPolicy.defaults(masterKeys);
        return new SignalingPolicy(
                signing.signatureWindow(),
                signing.credentialLifetime(),
                offers.minTtl(),
                offers.defaultTtl(),
                offers.maxTtl(),
                offers.answeredRetention(),
                defaults.maxOffersPerPublish(),
                offers.maxCandidatesPerSide(),
                defaults.maxPageSize(),
                defaults.maxBatchOperations(),
                defaults.maxBatchWork(),
                masterKeys);
    }

    /**
     * The configured key that signs invite tokens, connection tickets and transfer capability tokens, or one for
     * this run only (configuration requires a key with a durable store, so only the memory store gets here without
     * one).
     */
    @Provides
    @Singleton
    ServerSigningKey signingKey(Entropy entropy) {
        return pairing.signingKey().orElseGet(() -> {
            log.warn("No SWITCHBOARD_SIGNING_KEY configured: signing invite tokens, connection tickets and transfer "
                    + "tokens with a random key for this run only; they will not be accepted after a restart");
            return ServerSigningKey.of(entropy.nextBytes(SIGNING_KEY_BYTES));
        });
    }

    @Provides
    @Singleton
    PairingPolicy pairingPolicy(ServerSigningKey key) {
        return pairing.policy(key);
    }

    @Provides
    @Singleton
    TransferPolicy transferPolicy(ServerSigningKey key) {
        return transfers.policy(key);
    }

    @Provides
    @Singleton
    EnterprisePolicy enterprisePolicy() {
        return edition.policy();
    }

    @Provides
    @Singleton
    RateLimitPolicy rateLimitPolicy() {
        return rateLimits.policy();
    }

    /**
     * The core works on the storage with every store call timed ({@link TimedStorage}). Its PeerJS rules are
     * bound whether or not the endpoint runs ({@link PeerJsModule}): serving them is the lifecycle's choice.
     */
    @Provides
    @Singleton
    SignalingCore core(
            SignalingStorage storage, MeterRegistry registry, InstantSource clock, Entropy entropy,
            SignalingPolicy policy, PairingPolicy pairingPolicy, TransferPolicy transferPolicy,
            EnterprisePolicy enterprisePolicy, RateLimitPolicy rateLimitPolicy, PeerJsPolicy peerJsPolicy) {
        return SignalingCore.builder(TimedStorage.wrap(storage, registry), clock, entropy, policy, pairingPolicy)
                .transfers(transferPolicy)
                .enterprise(enterprisePolicy)
                .rateLimits(rateLimitPolicy)
                .peerJs(peerJsPolicy)
                .build();
    }
}
