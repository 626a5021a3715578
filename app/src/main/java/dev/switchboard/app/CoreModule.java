package dev.switchboard.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.SignalingCore;
import dev.switchboard.domain.SignalingPolicy;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the domain core and what it needs from the platform: time, randomness, policy and keys. */
final class CoreModule extends AbstractModule {
    private static final Logger log = LoggerFactory.getLogger(CoreModule.class);
    private static final int MASTER_KEY_BYTES = 32;

    private static final int SIGNING_KEY_BYTES = 32;

    private final SigningConfig signing;
    private final OfferConfig offers;
    private final PairingConfig pairing;

    CoreModule(SigningConfig signing, OfferConfig offers, PairingConfig pairing) {
        this.signing = signing;
        this.offers = offers;
        this.pairing = pairing;
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
     * The configured pairing rules, signed with the configured key or with one for this run only (configuration
     * requires a key with a durable store, so only the memory store gets here without one).
     */
    @Provides
    @Singleton
    PairingPolicy pairingPolicy(Entropy entropy) {
        ServerSigningKey key = pairing.signingKey().orElseGet(() -> {
            log.warn("No SWITCHBOARD_SIGNING_KEY configured: signing invite tokens and connection tickets with a "
                    + "random key for this run only; they will not be accepted after a restart");
            return ServerSigningKey.of(entropy.nextBytes(SIGNING_KEY_BYTES));
        });
        return pairing.policy(key);
    }

    @Provides
    @Singleton
    SignalingCore core(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy,
            PairingPolicy pairingPolicy) {
        return SignalingCore.create(storage, clock, entropy, policy, pairingPolicy);
    }
}
