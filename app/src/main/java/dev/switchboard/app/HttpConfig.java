package dev.switchboard.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the HTTP API listens.
 *
 * @param host            the interface to bind, {@code 0.0.0.0} for all
 * @param port            the TCP port; 0 picks a free one (tests)
 * @param maxRequestBytes the largest request body read before answering 413
 * @param maxEventWait    the longest a client may long-poll {@code /v1/events}
 * @param shutdownGrace   how long requests in flight may take to finish once a stop is asked for
 * @param shutdownDrain   how long, on SIGTERM, the server reports not ready while still serving everything, so
 *                        that a balancer polling {@code /health/ready} stops sending traffic before new
 *                        requests are refused; zero goes straight to the graceful stop
 * @param publicBaseUrl   the URL clients reach the server at, for join links; empty: built from each request
 * @param webSocket       heartbeats and limits of {@code GET /v1/ws}
 * @param edge            trusted proxies, CORS, security headers, header and JSON limits, timeouts, TLS
 * @param demoEnabled     whether the JavaScript client ({@code /js/switchboard.js}) and the demo page
 *                        ({@code /demo}, {@code /join}) are served
 */
public record HttpConfig(
        String host,
        int port,
        long maxRequestBytes,
        Duration maxEventWait,
        Duration shutdownGrace,
        Duration shutdownDrain,
        Optional<URI> publicBaseUrl,
        WebSocketConfig webSocket,
        EdgeConfig edge,
        boolean demoEnabled) {
    static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    private static final String PUBLIC_BASE_URL = "SWITCHBOARD_PUBLIC_BASE_URL";

    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(maxEventWait, "maxEventWait");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(shutdownDrain, "shutdownDrain");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(webSocket, "webSocket");
        Objects.requireNonNull(edge, "edge");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
        if (shutdownDrain.isNegative()) {
            throw new IllegalArgumentException("shutdownDrain must not be negative, was " + shutdownDrain);
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
                settings.seconds("SWITCHBOARD_MAX_EVENT_WAIT_SECONDS", 30, 1, 300),
                settings.seconds("SWITCHBOARD_HTTP_SHUTDOWN_GRACE_SECONDS", 20, 0, 600),
                // 5 s covers a balancer polling readiness every few seconds; with the 20 s grace it stays within
                // the 30 s most orchestrators wait before a hard kill.
                settings.seconds("SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS", 5, 0, 300),
                readPublicBaseUrl(settings),
                WebSocketConfig.read(settings),
                EdgeConfig.read(settings),
                settings.flag("SWITCHBOARD_HTTP_DEMO_ENABLED", true));
    }

    /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
    private static Optional<URI> readPublicBaseUrl(SettingsReader settings) {
        return settings.raw(PUBLIC_BASE_URL).flatMap(value -> {
            try {
                URI url = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (url.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                        && url.getRawQuery() == null && url.getRawFragment() == null) {
                    return Optional.of(url);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            settings.problem(PUBLIC_BASE_URL,
                    "must be an absolute http or https URL without query or fragment, was \"" + value + "\"");
            return Optional.empty();
        });
    }
}
