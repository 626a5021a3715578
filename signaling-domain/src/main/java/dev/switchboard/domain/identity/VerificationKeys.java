package dev.switchboard.domain.identity;

import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.StoredCredential;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Finds the key a signature must verify under: for {@code hmac-sha256} the unsealed secret of a stored
 * credential still within its lifetime, for {@code ed25519} the public key the key id spells. Every way of
 * not finding one fails with the same client-facing answer as a wrong signature.
 */
final class VerificationKeys {
    private final CredentialStore credentials;
    private final SecretSeal seal;

    VerificationKeys(CredentialStore credentials, SecretSeal seal) {
        this.credentials = credentials;
        this.seal = seal;
    }

    VerificationKey resolve(SignatureAlgorithm algorithm, String keyId, Instant now) {
        return switch (algorithm) {
            case HMAC_SHA256 -> credentialKey(keyId, now);
            case ED25519 -> Ed25519PublicKey.fromKeyId(keyId).orElseThrow(() -> SignatureErrors.authenticationFailed(
                    "ed25519 keyid is not 43 characters of base64url naming a 32-byte public key: " + keyId));
        };
    }

    private VerificationKey credentialKey(String keyId, Instant now) {
        StoredCredential credential = credentials.find(keyId).orElseThrow(() -> SignatureErrors.authenticationFailed(
                "no hmac-sha256 credential " + keyId));
        // An expired credential may linger until the sweep deletes it; it is refused like an unknown one.
        if (credential.isExpiredAt(now)) {
            throw SignatureErrors.authenticationFailed("hmac-sha256 credential expired: " + keyId);
        }
        byte[] secret = null;
        try {
            secret = seal.open(credential.credentialId(), credential.secret());
            return new HmacSha256Key(secret);
        } catch (GeneralSecurityException e) {
            throw SignatureErrors.authenticationFailed(
                    "the secret of credential " + keyId + " cannot be unsealed: " + e.getMessage());
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
