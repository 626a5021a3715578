package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A freshly issued HMAC credential. The plaintext secret exists only in this value, returned once. */
public record IssuedCredential(String credentialId, byte[] secret, Instant createdAt, Optional<Instant> expiresAt) {
    public IssuedCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        secret = secret.clone();
    }

    /** A credential without a lifetime. */
    public IssuedCredential(String credentialId, byte[] secret, Instant createdAt) {
        this(credentialId, secret, createdAt, Optional.empty());
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssuedCredential that && credentialId.equals(that.credentialId)
                && Arrays.equals(secret, that.secret) && createdAt.equals(that.createdAt)
                && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(credentialId, Arrays.hashCode(secret), createdAt);
    }

    @Override
    public String toString() {
        return "IssuedCredential[credentialId=" + credentialId + ", secret=(redacted)]";
    }
}
