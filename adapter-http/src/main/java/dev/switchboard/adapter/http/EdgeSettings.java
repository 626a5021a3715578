package dev.switchboard.adapter.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the server trusts and tolerates at its edge, where the internet meets it. Every bound is checked
 * here, and all violations are reported together.
 *
 * @param trustedProxies    CIDR blocks (IPv4 or IPv6, e.g. {@code 10.0.0.0/8}, {@code ::1/128}) of the reverse
 *                          proxies whose {@code Forwarded} / {@code X-Forwarded-*} headers are believed; empty:
 *                          the TCP peer is the client, whatever it claims
 * @param allowedOrigins    exact browser origins ({@code https://app.example.com}) allowed to call the API across
 *                          origins and to open WebSockets; empty: no CORS, and a browser WebSocket is refused
 * @param hstsMaxAge        the {@code Strict-Transport-Security} max-age sent over HTTPS (whole seconds)
 * @param maxHeaderCount    request header fields allowed; more is 431
 * @param maxHeaderBytes    bytes of request header fields allowed (names and values); more is 431
 * @param maxJsonDepth      the deepest nesting of a JSON body or frame; deeper is 400 {@code malformed_request}
 * @param requestTimeout    the longest a request may take to arrive and be answered, long-polls and WebSockets
 *                          excepted (they have their own bounds); past it the client gets 503
 * @param headerReadTimeout the longest a client may take to send a request's head (slowloris defence)
 * @param tls               serve HTTPS from this key store instead of plain HTTP
 */
public record EdgeSettings(
        List<String> trustedProxies,
        List<String> allowedOrigins,
        Duration hstsMaxAge,
        int maxHeaderCount,
        int maxHeaderBytes,
        int maxJsonDepth,
        Duration requestTimeout,
        Duration headerReadTimeout,
        Optional<TlsSettings> tls) {

    /** The deepest JSON nesting any setting may allow; Jackson's own default is 500. */
    static final int MAX_JSON_DEPTH = 500;

    public EdgeSettings {
        List<String> problems = new ArrayList<>();
        if (trustedProxies == null) {
            problems.add("trustedProxies must be given, or empty");
        } else {
            for (String block : trustedProxies) {
                try {
                    TrustedProxies.Block.parse(block);
                } catch (IllegalArgumentException e) {
                    problems.add("trustedProxies: " + e.getMessage());
                }
            }
        }
        if (allowedOrigins == null) {
            problems.add("allowedOrigins must be given, or empty");
        } else {
            allowedOrigins.stream().map(EdgeSettings::problemWithOrigin).flatMap(Optional::stream)
                    .forEach(problems::add);
        }
        if (hstsMaxAge == null || hstsMaxAge.isNegative() || hstsMaxAge.toNanosPart() != 0) {
            problems.add("hstsMaxAge must be whole seconds, not negative, was " + hstsMaxAge);
        }
        if (maxHeaderCount < 1 || maxHeaderCount > 10_000) {
            problems.add("maxHeaderCount must be from 1 to 10000, was " + maxHeaderCount);
        }
        if (maxHeaderBytes < 1024 || maxHeaderBytes > 1024 * 1024) {
            problems.add("maxHeaderBytes must be from 1024 to 1048576, was " + maxHeaderBytes);
        }
        if (maxJsonDepth < 1 || maxJsonDepth > MAX_JSON_DEPTH) {
            problems.add("maxJsonDepth must be from 1 to " + MAX_JSON_DEPTH + ", was " + maxJsonDepth);
        }
        if (!positiveMillis(requestTimeout)) {
            problems.add("requestTimeout must be from 1 ms to about 24 days, was " + requestTimeout);
        }
        if (!positiveMillis(headerReadTimeout)) {
            problems.add("headerReadTimeout must be from 1 ms to about 24 days, was " + headerReadTimeout);
        }
        if (tls == null) {
            problems.add("tls must be given, or empty");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid edge settings: " + String.join("; ", problems));
        }
        trustedProxies = List.copyOf(trustedProxies);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * No trusted proxy, no CORS, a year of HSTS, 100 header fields in 16 KiB, JSON 32 deep, 30 s per
     * request, 10 s to send a head, plain HTTP.
     */
    public static EdgeSettings defaults() {
        return new EdgeSettings(List.of(), List.of(), Duration.ofDays(365), 100, 16 * 1024, 32,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Optional.empty());
    }

    /** These settings believing the proxies in {@code blocks}. */
    public EdgeSettings withTrustedProxies(List<String> blocks) {
        return new EdgeSettings(blocks, allowedOrigins, hstsMaxAge, maxHeaderCount, maxHeaderBytes, maxJsonDepth,
                requestTimeout, headerReadTimeout, tls);
    }

    /** These settings allowing the browser origins {@code origins}. */
    public EdgeSettings withAllowedOrigins(List<String> origins) {
        return new EdgeSettings(trustedProxies, origins, hstsMaxAge, maxHeaderCount, maxHeaderBytes, maxJsonDepth,
                requestTimeout, headerReadTimeout, tls);
    }

    /** These settings serving HTTPS from {@code settings}. */
    public EdgeSettings withTls(TlsSettings settings) {
        return new EdgeSettings(trustedProxies, allowedOrigins, hstsMaxAge, maxHeaderCount, maxHeaderBytes,
                maxJsonDepth, requestTimeout, headerReadTimeout, Optional.of(settings));
    }

    private static boolean positiveMillis(Duration duration) {
        return duration != null && duration.toMillis() >= 1 && duration.toMillis() <= Integer.MAX_VALUE;
    }

    /** An origin is a scheme, a host and maybe a port: nothing else, and never the wildcard. */
    private static Optional<String> problemWithOrigin(String origin) {
        String problem = "allowedOrigins must hold exact origins like https://app.example.com, was " + origin;
        if (origin == null || origin.isBlank()) {
            return Optional.of(problem);
        }
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean exact = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return exact ? Optional.empty() : Optional.of(problem);
        } catch (java.net.URISyntaxException e) {
            return Optional.of(problem);
        }
    }
}
