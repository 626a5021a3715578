package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A freshly issued HMAC credential. The plaintext secret exists only in this value, returned once. */
public record IssuedCredential(String credentialId, byte[] secret, Instant createdAt) {
    public IssuedCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(createdAt, "createdAt");
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssuedCredential that && credentialId.equals(that.credentialId)
                && Arrays.equals(secret, that.secret) && createdAt.equals(that.createdAt);
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
