package dev.switchboard.domain.identity;

import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driving.ReencryptSecrets;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-encrypts credential secrets sealed under a retired master key to the ring's current key, with a fresh
 * IV each, exactly as issuing seals them. Each replacement is a compare-and-set, so a server issuing and
 * authenticating meanwhile, or a second run at the same time, never loses or corrupts a secret: a lost race
 * counts as skipped and the next run finds the secret again if it still needs re-encrypting.
 */
public final class ReencryptSecretsService implements ReencryptSecrets {
    /** Bounds one batch's work and memory. */
    public static final int MAX_BATCH_SIZE = 10_000;

    private final CredentialStore credentials;
    private final MasterKeyRing masterKeys;
    private final SecretSeal seal;
    private final Entropy entropy;

    public ReencryptSecretsService(CredentialStore credentials, MasterKeyRing masterKeys, Entropy entropy) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.masterKeys = Objects.requireNonNull(masterKeys, "masterKeys");
        this.seal = new SecretSeal(masterKeys);
        this.entropy = Objects.requireNonNull(entropy, "entropy");
    }

    @Override
    public Progress reencryptBatch(Optional<String> afterCredentialId, int batchSize) {
        Objects.requireNonNull(afterCredentialId, "afterCredentialId");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw SignalingException.invalid("batchSize", "must be between 1 and " + MAX_BATCH_SIZE);
        }
        List<StoredCredential> page =
                credentials.sealedUnderOtherKey(masterKeys.currentKeyId(), afterCredentialId, batchSize);
        int resealed = 0;
        int skipped = 0;
        int failed = 0;
        for (StoredCredential credential : page) {
            Optional<SealedSecret> replacement = resealed(credential);
            if (replacement.isEmpty()) {
                failed++;
            } else if (credentials.reseal(credential.credentialId(), credential.secret(), replacement.get())) {
                resealed++;
            } else {
                skipped++;
            }
        }
        Optional<String> nextAfter = page.size() < batchSize
                ? Optional.empty()
                : Optional.of(page.get(page.size() - 1).credentialId());
        return new Progress(resealed, skipped, failed, nextAfter);
    }

    /** The secret sealed under the current key, or empty when the ring lacks its key or it does not open. */
    private Optional<SealedSecret> resealed(StoredCredential credential) {
        byte[] secret = null;
        try {
            secret = seal.open(credential.credentialId(), credential.secret());
            return Optional.of(seal.seal(credential.credentialId(), secret, entropy.nextBytes(SecretSeal.IV_BYTES)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
