package dev.switchboard.adapter.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the HTTP adapter listens and what it accepts. Every bound is checked here, and all violations are
 * reported together.
 *
 * @param host                the interface to bind, {@code 0.0.0.0} for all
 * @param port                the TCP port; 0 picks a free one (see {@link SignalingHttpServer#port()})
 * @param maxRequestBodyBytes the largest request body read, counted as bytes received; larger is 413
 * @param maxChunkBodyBytes   the largest {@code application/octet-stream} chunk upload read, counted the same
 *                            way; set it from the transfer relay's chunk size, so a chunk the relay would refuse
 *                            is cut off while it arrives
 * @param maxEventWait        the longest a client may long-poll {@code GET /v1/events} (whole seconds)
 * @param version             the version {@code GET /health} reports
 * @param ioThreads           threads that run the non-blocking network loop
 * @param workerThreads       threads that run use cases (which may block on a store)
 * @param idleTimeout         how long a connection may sit without a request (sending a head is bounded by
 *                            {@link EdgeSettings#headerReadTimeout()})
 * @param shutdownGrace       how long {@link SignalingHttpServer#close()} waits for in-flight requests
 *                            (and for WebSockets to acknowledge their close)
 * @param publicBaseUrl       the absolute {@code http(s)} URL clients reach this server at, without query or
 *                            fragment, for the join links it hands out; when empty, the request's scheme and
 *                            {@code Host} are used, which a client can choose, so set it in production
 * @param webSocket           heartbeats and limits of {@code GET /v1/ws}
 * @param edge                trusted proxies, CORS, header and JSON limits, timeouts and HTTPS
 */
public record HttpSettings(
        String host,
        int port,
        long maxRequestBodyBytes,
        long maxChunkBodyBytes,
        Duration maxEventWait,
        String version,
        int ioThreads,
        int workerThreads,
        Duration idleTimeout,
        Duration shutdownGrace,
        Optional<URI> publicBaseUrl,
        WebSocketSettings webSocket,
        EdgeSettings edge) {

    /** Bodies are buffered whole, so the limit must fit an array with room to spare. */
    static final long MAX_BODY_LIMIT = 1L << 30;
    /** The transfer relay's default chunk size. */
    static final long DEFAULT_CHUNK_BODY_BYTES = 1024 * 1024;

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
        if (maxChunkBodyBytes < 1 || maxChunkBodyBytes > MAX_BODY_LIMIT) {
            problems.add("maxChunkBodyBytes must be from 1 to " + MAX_BODY_LIMIT + ", was " + maxChunkBodyBytes);
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
        if (publicBaseUrl == null) {
            problems.add("publicBaseUrl must be given, or empty");
        } else {
            publicBaseUrl.flatMap(HttpSettings::problemWithBaseUrl).ifPresent(problems::add);
        }
        if (webSocket == null) {
            problems.add("webSocket must be given");
        }
        if (edge == null) {
            problems.add("edge must be given");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid HTTP settings: " + String.join("; ", problems));
        }
    }

    /** Settings with {@link EdgeSettings#defaults()}, as before the edge could be configured. */
    public HttpSettings(String host, int port, long maxRequestBodyBytes, long maxChunkBodyBytes,
            Duration maxEventWait, String version, int ioThreads, int workerThreads, Duration idleTimeout,
            Duration shutdownGrace, Optional<URI> publicBaseUrl, WebSocketSettings webSocket) {
        this(host, port, maxRequestBodyBytes, maxChunkBodyBytes, maxEventWait, version, ioThreads, workerThreads,
                idleTimeout, shutdownGrace, publicBaseUrl, webSocket, EdgeSettings.defaults());
    }

    /**
     * All interfaces on port 8080, 4 MiB bodies, 1 MiB chunk uploads, 30 s long-polls, version {@code dev}; one
     * network thread per core and eight workers per core (at least sixteen); 60 s idle connections; 5 s shutdown grace; join links built from each request; {@link WebSocketSettings#defaults()};
     * {@link EdgeSettings#defaults()}.
     */
    public static HttpSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new HttpSettings("0.0.0.0", 8080, 4L * 1024 * 1024, DEFAULT_CHUNK_BODY_BYTES,
                Duration.ofSeconds(30), "dev",
                cores, Math.max(2, cores) * 8, Duration.ofSeconds(60), Duration.ofSeconds(5), Optional.empty(),
                WebSocketSettings.defaults(), EdgeSettings.defaults());
    }

    /** These settings listening on {@code newPort} instead. */
    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, maxRequestBodyBytes, maxChunkBodyBytes, maxEventWait, version,
                ioThreads, workerThreads, idleTimeout, shutdownGrace, publicBaseUrl, webSocket, edge);
    }

    /** These settings handing out join links under {@code baseUrl} instead. */
    public HttpSettings withPublicBaseUrl(URI baseUrl) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxChunkBodyBytes, maxEventWait, version,
                ioThreads, workerThreads, idleTimeout, shutdownGrace, Optional.of(baseUrl), webSocket, edge);
    }

    /** These settings reading chunk uploads of at most {@code bytes}. */
    public HttpSettings withMaxChunkBodyBytes(long bytes) {
        return new HttpSettings(host, port, maxRequestBodyBytes, bytes, maxEventWait, version,
                ioThreads, workerThreads, idleTimeout, shutdownGrace, publicBaseUrl, webSocket, edge);
    }

    /** These settings with other WebSocket heartbeats and limits. */
    public HttpSettings withWebSocket(WebSocketSettings settings) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxChunkBodyBytes, maxEventWait, version,
                ioThreads, workerThreads, idleTimeout, shutdownGrace, publicBaseUrl, settings, edge);
    }

    /** These settings with another edge: proxies, CORS, limits, timeouts, HTTPS. */
    public HttpSettings withEdge(EdgeSettings settings) {
        return new HttpSettings(host, port, maxRequestBodyBytes, maxChunkBodyBytes, maxEventWait, version,
                ioThreads, workerThreads, idleTimeout, shutdownGrace, publicBaseUrl, webSocket, settings);
    }

    private static Optional<String> problemWithBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.of("publicBaseUrl must be an absolute http or https URL without query or fragment, was "
                    + url);
        }
        return Optional.empty();
    }
}
