package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import java.time.Duration;
import java.util.Optional;

/** A wire {@code ttlSeconds}: absent is the server's default, otherwise a positive number of seconds. */
final class TtlSeconds {

    private TtlSeconds() {}

    static Optional<Duration> of(Long ttlSeconds) {
        return Optional.ofNullable(ttlSeconds).map(seconds -> {
            if (seconds < 1) {
                throw SignalingException.invalid("ttlSeconds", "must be a positive number of seconds");
            }
            return Duration.ofSeconds(seconds);
        });
    }
}
