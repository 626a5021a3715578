package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import java.util.Optional;

/** A wire {@code accessVerifier}: absent, or a non-blank opaque string the core only ever hashes. */
final class AccessVerifier {

    private AccessVerifier() {}

    static Optional<String> of(String verifier) {
        if (verifier != null && verifier.isBlank()) {
            throw SignalingException.invalid("accessVerifier", "must not be blank when given");
        }
        return Optional.ofNullable(verifier);
    }
}
