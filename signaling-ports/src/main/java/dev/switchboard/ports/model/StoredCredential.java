package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-issued HMAC credential as it rests in a store: its id, its secret (sealed) and when it stops
 * being accepted; credentials issued before lifetimes existed have none.
 */
public record StoredCredential(String credentialId, SealedSecret secret, Instant createdAt,
        Optional<Instant> expiresAt) {
    public StoredCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A credential without a lifetime. */
    public StoredCredential(String credentialId, SealedSecret secret, Instant createdAt) {
        this(credentialId, secret, createdAt, Optional.empty());
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    /** The same credential with its secret sealed anew (under another master key). */
    public StoredCredential resealed(SealedSecret newSecret) {
        return new StoredCredential(credentialId, newSecret, createdAt, expiresAt);
    }
}
