package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.OpenSession;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** The body of {@code POST /v1/sessions}: {@code capacity} and {@code ttlSeconds}, both optional. */
record OpenSessionJson(Integer capacity, Long ttlSeconds) {

    OpenSession.Request toRequest() {
        Optional<Duration> ttl = Optional.ofNullable(ttlSeconds).map(seconds -> {
            if (seconds < 1) {
                throw SignalingException.invalid("ttlSeconds", "must be a positive number of seconds");
            }
            return Duration.ofSeconds(seconds);
        });
        return new OpenSession.Request(capacity == null ? OptionalInt.empty() : OptionalInt.of(capacity), ttl);
    }
}
