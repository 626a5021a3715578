package dev.switchboard.ports.model;

import java.util.Objects;

/**
 * An authenticated caller: the key id that signed the request and the algorithm it signed with.
 * Key ids of the two algorithms have disjoint formats, so {@link #keyId()} alone identifies a peer.
 */
public record Identity(SignatureAlgorithm algorithm, String keyId) {
    public Identity {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
    }
}
