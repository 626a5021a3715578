package dev.switchboard.ports.model;

import java.util.Arrays;
import java.util.Optional;

/** The RFC 9421 signature algorithms Switchboard accepts, by their registered names. */
public enum SignatureAlgorithm {
    /** Shared secret issued by the server as a credential. */
    HMAC_SHA256("hmac-sha256"),
    /** Client-held key pair; the key id is the public key. */
    ED25519("ed25519");

    private final String registeredName;

    SignatureAlgorithm(String registeredName) {
        this.registeredName = registeredName;
    }

    /** The name used in the {@code alg} signature parameter. */
    public String registeredName() {
        return registeredName;
    }

    public static Optional<SignatureAlgorithm> byRegisteredName(String name) {
        return Arrays.stream(values()).filter(a -> a.registeredName.equals(name)).findFirst();
    }
}
