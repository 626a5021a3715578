package dev.switchboard.adapter.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the HTTP adapter listens and what it accepts. Every bound is checked here, and all violations are
 * reported together.
 *
 * @param host                the interface to bind, {@code 0.0.0.0} for all
 * @param port                the TCP port; 0 picks a free one (see {@link SignalingHttpServer#port()})
 * @param maxRequestBodyBytes the largest request body read, counted as bytes received; larger is 413
 * @param maxEventWait        the longest a client may long-poll {@code GET /v1/events} (whole seconds)
 * @param version             the version {@code GET /health} reports
 * @param ioThreads           threads that run the non-blocking network loop
 * @param workerThreads       threads that run use cases (which may block on a store)
 * @param idleTimeout         how long a connection may sit without a request, or take to send its head
 * @param shutdownGrace       how long {@link SignalingHttpServer#close()} waits for in-flight requests
 */
public record HttpSettings(
        String host,
        int port,
        long maxRequestBodyBytes,
        Duration maxEventWait,
        String version,
        int ioThreads,
        int workerThreads,
        Duration idleTimeout,
        Duration shutdownGrace) {

    /** Bodies are buffered whole, so the limit must fit an array with room to spare. */
    static final long MAX_BODY_LIMIT = 1L << 30;

    public HttpSettings {
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            problems.add("port must be from 0 to 65535, was " + port);
        }
        if (maxRequestBodyBytes < 1 || maxRequestBodyBytes > MAX_BODY_LIMIT) {
            problems.add("maxRequestBodyBytes must be from 1 to " + MAX_BODY_LIMIT + ", was " + maxRequestBodyBytes);
        }
        if (maxEventWait == null || maxEventWait.isNegative() || maxEventWait.toNanosPart() != 0
                || maxEventWait.compareTo(Duration.ofHours(1)) > 0) {
            problems.add("maxEventWait must be whole seconds from 0 to 1 hour, was " + maxEventWait);
        }
        if (version == null || version.isBlank()) {
            problems.add("version must not be blank");
        }
        if (ioThreads < 1) {
            problems.add("ioThreads must be positive, was " + ioThreads);
        }
        if (workerThreads < 1) {
            problems.add("workerThreads must be positive, was " + workerThreads);
        }
        if (idleTimeout == null || idleTimeout.toMillis() < 1 || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            problems.add("idleTimeout must be from 1 ms to about 24 days, was " + idleTimeout);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative()) {
            problems.add("shutdownGrace must not be negative, was " + shutdownGrace);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid HTTP settings: " + String.join("; ", problems));
        }
    }

    /**
     * All interfaces on port 8080, 4 MiB bodies, 30 s long-polls, version {@code dev}; one I/O thread per
     * core (at least two) and eight workers per I/O thread, as Undertow sizes itself; 60 s idle
     * connections; 5 s shutdown grace.
     */
    public static HttpSettings defaults() {
        int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new HttpSettings("0.0.0.0", 8080, 4L * 1024 * 1024, Duration.ofSeconds(30), "dev",
                ioThreads, ioThreads * 8, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    /** These settings listening on {@code newPort} instead. */
    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, maxRequestBodyBytes, maxEventWait, version,
                ioThreads, workerThreads, idleTimeout, shutdownGrace);
    }
}
