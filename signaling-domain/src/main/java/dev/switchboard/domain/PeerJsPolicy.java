package dev.switchboard.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of the PeerJS-compatible endpoint, named and defaulted as the {@code peer} server's options are.
 * Every bound is checked here, and all violations are reported together.
 *
 * @param keys             the API keys (realms) served; PeerJS clients default to {@code peerjs}
 * @param expireTimeout    how long a message waits for a recipient that is not connected before the sender
 *                         gets {@code EXPIRE} ({@code expire_timeout}, 5 s)
 * @param aliveTimeout     a socket with no inbound traffic for this long loses its id ({@code alive_timeout},
 *                         60 s)
 * @param concurrentLimit  connected peers per realm ({@code concurrent_limit}, 5000)
 * @param allowDiscovery   whether {@code GET /<key>/peers} lists ids ({@code allow_discovery}, off)
 * @param maxQueuedPerPeer messages one peer's queue may hold
 * @param maxQueuedTotal   messages all queues together may hold
 * @param maxPayloadChars  the largest payload relayed, in characters of its JSON
 * @param authentication   whether a socket may claim any free id, as with {@code peer} ({@link Authentication#NONE},
 *                         the default), or only one it holds a server-issued PeerJS token for
 * @param tokenLifetime    how long an issued PeerJS token lets a socket take its id (24 h)
 */
public record PeerJsPolicy(
        Set<String> keys,
        Duration expireTimeout,
        Duration aliveTimeout,
        int concurrentLimit,
        boolean allowDiscovery,
        int maxQueuedPerPeer,
        long maxQueuedTotal,
        int maxPayloadChars,
        Authentication authentication,
        Duration tokenLifetime) {

    /** How a PeerJS socket proves it may take its id. */
    public enum Authentication {
        /** Any client that knows a key may claim any free id, as with the {@code peer} server. */
        NONE,
        /** The {@code token} must be a PeerJS token this server issued for exactly that id, and unexpired. */
        TOKEN
    }

    /** The default lifetime of a PeerJS token. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(24);

    public PeerJsPolicy {
        keys = Set.copyOf(keys);
        List<String> problems = new ArrayList<>();
        if (keys.isEmpty()) {
            problems.add("keys must name at least one key");
        }
        for (String key : keys) {
            if (!key.matches("[A-Za-z0-9_-]{1,64}")) {
                problems.add("key \"" + key + "\" must be 1-64 characters of A-Z a-z 0-9 _ -");
            }
        }
        if (expireTimeout == null || expireTimeout.compareTo(Duration.ofMillis(100)) < 0) {
            problems.add("expireTimeout must be at least 100 ms");
        }
        if (aliveTimeout == null || aliveTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("aliveTimeout must be at least 1 s");
        }
        if (concurrentLimit < 1 || concurrentLimit > 10_000_000) {
            problems.add("concurrentLimit must be between 1 and 10000000, was " + concurrentLimit);
        }
        if (maxQueuedPerPeer < 1 || maxQueuedPerPeer > 100_000) {
            problems.add("maxQueuedPerPeer must be between 1 and 100000, was " + maxQueuedPerPeer);
        }
        if (maxQueuedTotal < maxQueuedPerPeer) {
            problems.add("maxQueuedTotal must be at least maxQueuedPerPeer");
        }
        if (maxPayloadChars < 1024 || maxPayloadChars > 16 * 1024 * 1024) {
            problems.add("maxPayloadChars must be between 1024 and 16777216, was " + maxPayloadChars);
        }
        if (authentication == null) {
            problems.add("authentication must be NONE or TOKEN");
        }
        if (tokenLifetime == null || tokenLifetime.compareTo(Duration.ofMinutes(1)) < 0
                || tokenLifetime.compareTo(Duration.ofDays(30)) > 0) {
            problems.add("tokenLifetime must be from 1 minute to 30 days, was " + tokenLifetime);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid PeerJS policy: " + String.join("; ", problems));
        }
        Objects.requireNonNull(keys, "keys");
    }

    /** These rules without authentication, as the {@code peer} server has none. */
    public PeerJsPolicy(Set<String> keys, Duration expireTimeout, Duration aliveTimeout, int concurrentLimit,
            boolean allowDiscovery, int maxQueuedPerPeer, long maxQueuedTotal, int maxPayloadChars) {
        this(keys, expireTimeout, aliveTimeout, concurrentLimit, allowDiscovery, maxQueuedPerPeer, maxQueuedTotal,
                maxPayloadChars, Authentication.NONE, DEFAULT_TOKEN_LIFETIME);
    }

    /** The {@code peer} server's defaults, with bounded queues and no authentication. */
    public static PeerJsPolicy defaults() {
        return new PeerJsPolicy(Set.of("peerjs"), Duration.ofSeconds(5), Duration.ofSeconds(60), 5000, false, 256,
                100_000, 256 * 1024);
    }

    /** These rules with {@code authentication} and PeerJS tokens good for {@code lifetime}. */
    public PeerJsPolicy withAuthentication(Authentication mode, Duration lifetime) {
        return new PeerJsPolicy(keys, expireTimeout, aliveTimeout, concurrentLimit, allowDiscovery, maxQueuedPerPeer,
                maxQueuedTotal, maxPayloadChars, mode, lifetime);
    }

    /** Whether a socket must hold a PeerJS token for its id. */
    public boolean requiresTokens() {
        return authentication == Authentication.TOKEN;
    }
}
