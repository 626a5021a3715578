package dev.switchboard.adapter.peerjs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the PeerJS-compatible server listens, with the {@code peer} server's names and defaults where it has
 * them. Every bound is checked here, and all violations are reported together.
 *
 * @param host           the interface to bind, {@code 0.0.0.0} for all
 * @param port           the TCP port; 0 picks a free one (see {@link PeerJsServer#port()})
 * @param path           the prefix every route lives under, like {@code peer}'s {@code path} option; always
 *                       ends with {@code /} ({@code /myapp} is read as {@code /myapp/})
 * @param allowedOrigins the browser origins allowed (CORS on the HTTP routes, {@code Origin} of the
 *                       WebSocket); empty allows any origin, as {@code peer}'s {@code cors} default does
 * @param maxFrameBytes  the largest message a client may send; a larger one gets an {@code ERROR} and a close
 * @param pingInterval   how often the server pings a socket; a socket silent for
 *                       {@value PeerLiveness#SILENT_PINGS} intervals is closed
 * @param ioThreads      threads that run the non-blocking network loop
 * @param workerThreads  threads that run use cases (which may block on a store)
 * @param shutdownGrace  how long {@link PeerJsServer#close()} waits for sockets to acknowledge their close
 */
public record PeerJsSettings(
        String host,
        int port,
        String path,
        List<String> allowedOrigins,
        int maxFrameBytes,
        Duration pingInterval,
        int ioThreads,
        int workerThreads,
        Duration shutdownGrace) {

    /** Frames are buffered whole; 16 MiB is far beyond any signal and still bounds one socket's memory. */
    static final int MAX_FRAME_LIMIT = 16 * 1024 * 1024;

    public PeerJsSettings {
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            problems.add("port must be from 0 to 65535, was " + port);
        }
        if (path == null || !path.startsWith("/") || path.contains("?") || path.contains("#")) {
            problems.add("path must start with / and hold no query or fragment, was " + path);
        } else if (!path.endsWith("/")) {
            path = path + "/";
        }
        if (allowedOrigins == null || allowedOrigins.stream().anyMatch(o -> o == null || o.isBlank())) {
            problems.add("allowedOrigins must be a list of non-blank origins (empty allows any)");
        } else {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
        if (maxFrameBytes < 1024 || maxFrameBytes > MAX_FRAME_LIMIT) {
            problems.add("maxFrameBytes must be from 1024 to " + MAX_FRAME_LIMIT + ", was " + maxFrameBytes);
        }
        if (pingInterval == null || pingInterval.isNegative() || pingInterval.isZero()) {
            problems.add("pingInterval must be a positive duration, was " + pingInterval);
        }
        if (ioThreads < 1) {
            problems.add("ioThreads must be positive, was " + ioThreads);
        }
        if (workerThreads < 1) {
            problems.add("workerThreads must be positive, was " + workerThreads);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative()) {
            problems.add("shutdownGrace must not be negative, was " + shutdownGrace);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid PeerJS settings: " + String.join("; ", problems));
        }
    }

    /**
     * Port 9000 and path {@code /} as {@code peer}; any origin; 64 KiB frames (an SDP offer with room to
     * spare); a ping every 15 s, so a socket silent for a minute is closed, as {@code peer}'s 60 s alive
     * timeout would; 2 IO and 16 worker threads; 10 s to shut down.
     */
    public static PeerJsSettings defaults() {
        return new PeerJsSettings("0.0.0.0", 9000, "/", List.of(), 64 * 1024, Duration.ofSeconds(15), 2, 16,
                Duration.ofSeconds(10));
    }

    /** These settings on {@code port} instead, e.g. 0 in tests. */
    public PeerJsSettings withPort(int otherPort) {
        return new PeerJsSettings(host, otherPort, path, allowedOrigins, maxFrameBytes, pingInterval, ioThreads,
                workerThreads, shutdownGrace);
    }

    /** Whether a browser page from {@code origin} may use this server. */
    boolean allows(String origin) {
        return allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }
}
