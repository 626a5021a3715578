package dev.switchboard.domain.identity;

import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driving.IssueCredential;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.StoredCredential;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues HMAC credentials: a random id ({@code hk_} and 120 random bits) and a 32-byte secret that is
 * returned once and stored only sealed under the master key ring. Each credential is accepted for the
 * configured lifetime, so that an abandoned identity does not live forever.
 */
public final class IssueCredentialService implements IssueCredential {
    private static final String ID_PREFIX = "hk_";
    private static final int ID_RANDOM_BYTES = 15;
    private static final int SECRET_BYTES = 32;

    private final CredentialStore credentials;
    private final SecretSeal seal;
    private final InstantSource clock;
    private final Entropy entropy;
    private final Duration lifetime;

    public IssueCredentialService(CredentialStore credentials, MasterKeyRing masterKeys, InstantSource clock,
            Entropy entropy, Duration lifetime) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.seal = new SecretSeal(masterKeys);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entropy = Objects.requireNonNull(entropy, "entropy");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
        }
    }

    @Override
    public IssuedCredential issue() {
        String credentialId = ID_PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(entropy.nextBytes(ID_RANDOM_BYTES));
        byte[] secret = entropy.nextBytes(SECRET_BYTES);
        // Stores may keep only milliseconds; truncating here keeps the returned and stored instants equal.
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Instant> expiresAt = Optional.of(createdAt.plus(lifetime));
        byte[] iv = entropy.nextBytes(SecretSeal.IV_BYTES);
        credentials.save(new StoredCredential(credentialId, seal.seal(credentialId, secret, iv), createdAt,
                expiresAt));
        return new IssuedCredential(credentialId, secret, createdAt, expiresAt);
    }
}
