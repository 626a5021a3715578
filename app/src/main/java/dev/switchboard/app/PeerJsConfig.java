package dev.switchboard.app;

import dev.switchboard.adapter.peerjs.PeerJsSettings;
import dev.switchboard.domain.PeerJsPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The PeerJS-compatible endpoint: where it listens and the {@code peer} server's options under the same names and
 * defaults (see {@code docs/peerjs.md}). Timeouts are milliseconds, as {@code peer} takes them.
 *
 * @param enabled          false opens no PeerJS port and schedules nothing
 * @param host             the interface to bind; defaults to the HTTP API's
 * @param port             the TCP port, 9000 as {@code peer}'s; 0 picks a free one (tests)
 * @param path             the prefix before {@code peerjs} and {@code <key>/id}, starting and ending with {@code /}
 * @param keys             the API keys (realms) served ({@code key})
 * @param expireTimeout    a queued message's wait for its recipient ({@code expire_timeout})
 * @param aliveTimeout     a socket silent this long loses its id ({@code alive_timeout})
 * @param concurrentLimit  connected peers per key ({@code concurrent_limit})
 * @param allowDiscovery   whether {@code GET <path><key>/peers} lists ids ({@code allow_discovery})
 * @param allowedOrigins   browser origins allowed by CORS and on the WebSocket; empty ({@code *} in the setting)
 *                         allows any, as {@code peer}'s {@code corsOptions} does by default
 * @param maxQueuedPerPeer messages waiting for one peer
 * @param maxQueuedTotal   messages waiting for all peers together
 * @param maxPayloadBytes  the largest payload relayed, counted in characters of its JSON
 * @param maxFrameBytes    the largest WebSocket frame read; a larger one closes that socket only
 * @param authentication   {@code none} (any free id, as {@code peer}) or {@code token} (only an id the socket holds
 *                         a PeerJS token for, from {@code POST /v1/peerjs/tokens})
 * @param tokenLifetime    how long an issued PeerJS token opens sockets
 * @param tls              whether the port serves HTTPS and WSS, from the HTTP API's key store
 * @param framesPerSecond  the sustained rate of frames one socket may send, {@code HEARTBEAT}s included
 * @param frameBurst       how many frames one socket may send at once above that rate
 */
public record PeerJsConfig(
        boolean enabled,
        String host,
        int port,
        String path,
        Set<String> keys,
        Duration expireTimeout,
        Duration aliveTimeout,
        int concurrentLimit,
        boolean allowDiscovery,
        List<String> allowedOrigins,
        int maxQueuedPerPeer,
        long maxQueuedTotal,
        int maxPayloadBytes,
        int maxFrameBytes,
        PeerJsPolicy.Authentication authentication,
        Duration tokenLifetime,
        boolean tls,
        int framesPerSecond,
        int frameBurst) {
    static final String PORT = "SWITCHBOARD_PEERJS_PORT";
    private static final String AUTHENTICATION = "SWITCHBOARD_PEERJS_AUTHENTICATION";
    private static final String TLS = "SWITCHBOARD_PEERJS_TLS";
    private static final String ANY_ORIGIN = "*";
    private static final String PATH = "SWITCHBOARD_PEERJS_PATH";
    private static final String KEYS = "SWITCHBOARD_PEERJS_KEYS";
    private static final String CORS_ORIGINS = "SWITCHBOARD_PEERJS_CORS_ORIGINS";
    private static final String MAX_PAYLOAD = "SWITCHBOARD_PEERJS_MAX_PAYLOAD_BYTES";
    private static final String MAX_FRAME = "SWITCHBOARD_PEERJS_MAX_FRAME_BYTES";
    private static final String MAX_PER_PEER = "SWITCHBOARD_PEERJS_MAX_QUEUED_PER_PEER";
    private static final String MAX_TOTAL = "SWITCHBOARD_PEERJS_MAX_QUEUED_TOTAL";
    private static final Pattern PATH_FORMAT = Pattern.compile("/([A-Za-z0-9._~-]+/)*");
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Room for the envelope ({@code type}, {@code dst}) around the largest payload in one frame. */
    private static final int ENVELOPE_BYTES = 256;
    /** The adapter buffers a frame whole and reads none larger. */
    private static final int MAX_FRAME_LIMIT = 16 * 1024 * 1024;
    /** The adapter closes a socket that answered none of this many pings; see {@link #settings}. */
    private static final int SILENT_PINGS = 4;

    public PeerJsConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        keys = Set.copyOf(keys);
        Objects.requireNonNull(expireTimeout, "expireTimeout");
        Objects.requireNonNull(aliveTimeout, "aliveTimeout");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
    }

    /** The domain's rules with these options. */
    PeerJsPolicy policy() {
        return new PeerJsPolicy(keys, expireTimeout, aliveTimeout, concurrentLimit, allowDiscovery, maxQueuedPerPeer,
                maxQueuedTotal, maxPayloadBytes, authentication, tokenLifetime);
    }

    /**
     * The adapter's settings: threads keep its defaults; the server pings {@value #SILENT_PINGS} times per alive
     * timeout (every 15 s by default), so a client that answers pings (every browser does) stays alive however
     * rarely it sends {@code HEARTBEAT}, and a socket that answers none is closed after about one alive timeout; a
     * stop gives sockets the HTTP API's grace.
     */
    PeerJsSettings settings(Duration shutdownGrace) {
        PeerJsSettings defaults = PeerJsSettings.defaults();
        Duration quarter = aliveTimeout.dividedBy(SILENT_PINGS);
        Duration ping = defaults.pingInterval().compareTo(quarter) < 0 ? defaults.pingInterval() : quarter;
        return new PeerJsSettings(host, port, path, allowedOrigins, maxFrameBytes, ping, defaults.ioThreads(),
                defaults.workerThreads(), shutdownGrace).withFrameRate(framesPerSecond, frameBurst);
    }

    /**
     * As {@link #settings(Duration)}, at the HTTP API's edge: the proxies it trusts name PeerJS clients too, and
     * with {@code SWITCHBOARD_PEERJS_TLS} its key store serves HTTPS and WSS here as well.
     */
    PeerJsSettings settings(Duration shutdownGrace, EdgeConfig edge) {
        PeerJsSettings settings = settings(shutdownGrace).withTrustedProxies(edge.trustedProxies());
        return tls ? settings.withTls(HttpModule.tlsSettings(edge.tls().orElseThrow()).serverContext()) : settings;
    }

    /**
     * Reads the section; the HTTP API's host is the default interface, its port must not be shared, and its key
     * store is the one {@code SWITCHBOARD_PEERJS_TLS} serves with.
     */
    static PeerJsConfig read(SettingsReader settings, HttpConfig http) {
        PeerJsPolicy defaults = PeerJsPolicy.defaults();
        PeerJsSettings adapterDefaults = PeerJsSettings.defaults();
        int defaultFrame = adapterDefaults.maxFrameBytes();
        boolean enabled = settings.flag("SWITCHBOARD_PEERJS_ENABLED", true);
        String host = settings.string("SWITCHBOARD_PEERJS_HOST", http.host());
        int port = (int) settings.integer(PORT, 9000, 0, 65_535);
        int httpPort = http.port();
        boolean tls = settings.flag(TLS, false);
        if (tls && http.edge().tls().isEmpty()) {
            settings.problem(TLS, "needs the key store of SWITCHBOARD_HTTP_TLS_KEYSTORE (and its password): the "
                    + "PeerJS port serves the same certificate as the HTTP API");
        }
        if (enabled && port != 0 && port == httpPort) {
            settings.problem(PORT, "(" + port + ") must differ from SWITCHBOARD_HTTP_PORT: each endpoint needs its "
                    + "own port (or set SWITCHBOARD_PEERJS_ENABLED=false)");
        }
        int maxPayload = (int) settings.integer(MAX_PAYLOAD, defaults.maxPayloadChars(), 1024,
                MAX_FRAME_LIMIT - ENVELOPE_BYTES);
        int maxFrame = (int) settings.integer(MAX_FRAME, Math.max(defaultFrame, maxPayload + ENVELOPE_BYTES), 2048,
                MAX_FRAME_LIMIT);
        if (maxFrame < maxPayload + ENVELOPE_BYTES) {
            settings.problem(MAX_FRAME + " (" + maxFrame + ") must exceed " + MAX_PAYLOAD + " (" + maxPayload
                    + ") by at least " + ENVELOPE_BYTES + ", or the largest payload allowed could never arrive");
        }
        int perPeer = (int) settings.integer(MAX_PER_PEER, defaults.maxQueuedPerPeer(), 1, 100_000);
        long total = settings.integer(MAX_TOTAL, defaults.maxQueuedTotal(), 1, 100_000_000);
        if (total < perPeer) {
            settings.problem(MAX_TOTAL + " (" + total + ") must be at least " + MAX_PER_PEER + " (" + perPeer + ")");
        }
        return new PeerJsConfig(
                enabled,
                host,
                port,
                readPath(settings),
                readKeys(settings, defaults.keys()),
                settings.milliseconds("SWITCHBOARD_PEERJS_EXPIRE_TIMEOUT", defaults.expireTimeout(),
                        Duration.ofMillis(100), Duration.ofMinutes(10)),
                settings.milliseconds("SWITCHBOARD_PEERJS_ALIVE_TIMEOUT", defaults.aliveTimeout(),
                        Duration.ofSeconds(1), Duration.ofHours(1)),
                (int) settings.integer("SWITCHBOARD_PEERJS_CONCURRENT_LIMIT", defaults.concurrentLimit(), 1,
                        10_000_000),
                settings.flag("SWITCHBOARD_PEERJS_ALLOW_DISCOVERY", defaults.allowDiscovery()),
                readOrigins(settings),
                perPeer,
                total,
                maxPayload,
                maxFrame,
                readAuthentication(settings),
                settings.duration("SWITCHBOARD_PEERJS_TOKEN_LIFETIME", defaults.tokenLifetime(), Duration.ofMinutes(1),
                        Duration.ofDays(30)),
                tls,
                (int) settings.integer("SWITCHBOARD_PEERJS_MAX_FRAMES_PER_SECOND", adapterDefaults.framesPerSecond(),
                        1, 1_000_000),
                (int) settings.integer("SWITCHBOARD_PEERJS_FRAME_BURST", adapterDefaults.frameBurst(), 1, 1_000_000));
    }

    /** {@code none} by default, so that a {@code peerjs} app moves over unchanged; {@code token} stops squatting. */
    private static PeerJsPolicy.Authentication readAuthentication(SettingsReader settings) {
        String mode = settings.string(AUTHENTICATION, "none").strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "none" -> PeerJsPolicy.Authentication.NONE;
            case "token" -> PeerJsPolicy.Authentication.TOKEN;
            default -> {
                settings.problem(AUTHENTICATION, "must be none or token, was \"" + mode + "\"");
                yield PeerJsPolicy.Authentication.NONE;
            }
        };
    }

    /** {@code /} by default; a trailing slash is added, as {@code peer} joins the path and {@code peerjs}. */
    private static String readPath(SettingsReader settings) {
        String path = settings.string(PATH, "/");
        String normalised = path.endsWith("/") ? path : path + "/";
        if (!PATH_FORMAT.matcher(normalised).matches()) {
            settings.problem(PATH, "must be a URL path such as / or /myapp (letters, digits, . _ ~ - between "
                    + "single slashes), was \"" + path + "\"");
            return "/";
        }
        return normalised;
    }

    private static Set<String> readKeys(SettingsReader settings, Set<String> fallback) {
        List<String> listed = settings.list(KEYS);
        if (listed.isEmpty()) {
            return fallback;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String key : listed) {
            if (KEY_FORMAT.matcher(key).matches()) {
                keys.add(key);
            } else {
                settings.problem(KEYS, "\"" + key + "\" must be 1-64 characters of A-Z a-z 0-9 _ -");
            }
        }
        return keys.isEmpty() ? fallback : keys;
    }

    /**
     * {@code *} (the default, as {@code peer}'s) or a list of origins such as https://app.example.com; any origin is
     * the empty list. No cookie or credential rides on a PeerJS request, so any origin is no cross-site risk.
     */
    private static List<String> readOrigins(SettingsReader settings) {
        List<String> listed = settings.list(CORS_ORIGINS);
        if (listed.isEmpty() || listed.equals(List.of(ANY_ORIGIN))) {
            return List.of();
        }
        List<String> origins = new ArrayList<>();
        for (String origin : listed) {
            EdgeConfig.origin(origin).ifPresentOrElse(origins::add, () -> settings.problem(CORS_ORIGINS, "\"" + origin
                    + "\" is not an origin such as https://app.example.com, nor * alone (any origin)"));
        }
        return origins;
    }
}
