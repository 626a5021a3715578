package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;

/** A server-issued HMAC credential as it rests in a store: its id and its secret, sealed. */
public record StoredCredential(String credentialId, SealedSecret secret, Instant createdAt) {
    public StoredCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
