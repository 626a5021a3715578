package dev.switchboard.adapter.peerjs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

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
 * @param tls            HTTPS and WSS with this context; empty serves plain HTTP and WS
 * @param trustedProxies CIDR blocks (or single addresses) of the proxies whose {@code Forwarded} or
 *                       {@code X-Forwarded-For} names the client; empty: the client is the TCP peer
 * @param framesPerSecond the sustained rate of text frames one socket may send, {@code HEARTBEAT}s included
 * @param frameBurst     how many frames a socket may send at once above that rate; more closes the socket
 * @param useCasesBlock  whether a use case may block (a store over the network): then they run on the worker
 *                       threads; false runs them on the network threads, which saves two thread hand-offs per
 *                       message and is right only for a store that never waits (the in-memory one)
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
        Duration shutdownGrace,
        Optional<SSLContext> tls,
        List<String> trustedProxies,
        int framesPerSecond,
        int frameBurst,
        boolean useCasesBlock) {

    /** Frames are buffered whole; 16 MiB is far beyond any signal and still bounds one socket's memory. */
    static final int MAX_FRAME_LIMIT = 16 * 1024 * 1024;
    /** A {@code peerjs} client sends a HEARTBEAT every 5 s and a few signals per connection: 100/s is generous. */
    static final int DEFAULT_FRAMES_PER_SECOND = 100;
    static final int DEFAULT_FRAME_BURST = 200;

    public PeerJsSettings {
        List<String> problems = new ArrayList<>();
        if (tls == null) {
            problems.add("tls must be given (empty for plain HTTP)");
        }
        if (trustedProxies == null || trustedProxies.stream().anyMatch(Objects::isNull)) {
            problems.add("trustedProxies must be a list of CIDR blocks (empty trusts none)");
        } else {
            trustedProxies = List.copyOf(trustedProxies);
            for (String block : trustedProxies) {
                try {
                    ForwardedClients.Block.parse(block);
                } catch (IllegalArgumentException e) {
                    problems.add("trustedProxies: " + e.getMessage());
                }
            }
        }
        if (framesPerSecond < 1 || framesPerSecond > 1_000_000) {
            problems.add("framesPerSecond must be from 1 to 1000000, was " + framesPerSecond);
        }
        if (frameBurst < 1 || frameBurst > 1_000_000) {
            problems.add("frameBurst must be from 1 to 1000000, was " + frameBurst);
        }
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
     * These settings over plain HTTP, trusting no proxy, and letting a socket send
     * {@value #DEFAULT_FRAMES_PER_SECOND} frames a second in bursts of {@value #DEFAULT_FRAME_BURST}.
     */
    public PeerJsSettings(String host, int port, String path, List<String> allowedOrigins, int maxFrameBytes,
            Duration pingInterval, int ioThreads, int workerThreads, Duration shutdownGrace) {
        this(host, port, path, allowedOrigins, maxFrameBytes, pingInterval, ioThreads, workerThreads, shutdownGrace,
                Optional.empty(), List.of(), DEFAULT_FRAMES_PER_SECOND, DEFAULT_FRAME_BURST, true);
    }

    /**
     * Port 9000 and path {@code /} as {@code peer}; any origin; 64 KiB frames (an SDP offer with room to
     * spare); a ping every 15 s, so a socket silent for a minute is closed, as {@code peer}'s 60 s alive
     * timeout would; one network thread per core this process may use (a relayed message then never
     * crosses threads on its way through one core) and 16 worker threads; 10 s to shut down; plain HTTP; no
     * trusted proxy; 100 frames a second per socket in bursts of 200; use cases on the worker threads.
     */
    public static PeerJsSettings defaults() {
        return new PeerJsSettings("0.0.0.0", 9000, "/", List.of(), 64 * 1024, Duration.ofSeconds(15),
                Runtime.getRuntime().availableProcessors(), 16, Duration.ofSeconds(10));
    }

    /** These settings on {@code port} instead, e.g. 0 in tests. */
    public PeerJsSettings withPort(int otherPort) {
        return new PeerJsSettings(host, otherPort, path, allowedOrigins, maxFrameBytes, pingInterval, ioThreads,
                workerThreads, shutdownGrace, tls, trustedProxies, framesPerSecond, frameBurst, useCasesBlock);
    }

    /** These settings serving HTTPS and WSS with {@code context}. */
    public PeerJsSettings withTls(SSLContext context) {
        return new PeerJsSettings(host, port, path, allowedOrigins, maxFrameBytes, pingInterval, ioThreads,
                workerThreads, shutdownGrace, Optional.of(context), trustedProxies, framesPerSecond, frameBurst,
                useCasesBlock);
    }

    /** These settings believing the forwarding headers of the proxies in {@code blocks}. */
    public PeerJsSettings withTrustedProxies(List<String> blocks) {
        return new PeerJsSettings(host, port, path, allowedOrigins, maxFrameBytes, pingInterval, ioThreads,
                workerThreads, shutdownGrace, tls, blocks, framesPerSecond, frameBurst, useCasesBlock);
    }

    /** These settings letting a socket send {@code perSecond} frames a second, in bursts of {@code burst}. */
    public PeerJsSettings withFrameRate(int perSecond, int burst) {
        return new PeerJsSettings(host, port, path, allowedOrigins, maxFrameBytes, pingInterval, ioThreads,
                workerThreads, shutdownGrace, tls, trustedProxies, perSecond, burst, useCasesBlock);
    }

    /**
     * These settings running use cases on the network threads: only for use cases that never block, such as over
     * the in-memory store.
     */
    public PeerJsSettings withNonBlockingUseCases() {
        return new PeerJsSettings(host, port, path, allowedOrigins, maxFrameBytes, pingInterval, ioThreads,
                workerThreads, shutdownGrace, tls, trustedProxies, framesPerSecond, frameBurst, false);
    }

    /** Whether a browser page from {@code origin} may use this server. */
    boolean allows(String origin) {
        return allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }
}
