package dev.switchboard.app;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the HTTP API listens.
 *
 * @param host            the interface to bind, {@code 0.0.0.0} for all
 * @param port            the TCP port; 0 picks a free one (tests)
 * @param maxRequestBytes the largest request body read before answering 413
 * @param maxEventWait    the longest a client may long-poll {@code /v1/events}
 */
public record HttpConfig(String host, int port, long maxRequestBytes, Duration maxEventWait) {
    static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(maxEventWait, "maxEventWait");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
    }

    static HttpConfig read(SettingsReader settings) {
        return new HttpConfig(
                settings.string("SWITCHBOARD_HTTP_HOST", "0.0.0.0"),
                (int) settings.integer("SWITCHBOARD_HTTP_PORT", 8080, 0, 65_535),
                settings.integer("SWITCHBOARD_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES, 4096, 64L * 1024 * 1024),
                settings.seconds("SWITCHBOARD_MAX_EVENT_WAIT_SECONDS", 30, 1, 300));
    }
}
