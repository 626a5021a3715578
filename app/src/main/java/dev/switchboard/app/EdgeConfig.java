package dev.switchboard.app;

import dev.switchboard.adapter.http.EdgeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the HTTP server trusts and accepts at its edge: proxies whose forwarding headers name the client, browser
 * origins, HSTS, header and JSON limits, timeouts, and optional HTTPS. See {@code docs/operations.md}.
 *
 * @param trustedProxies    CIDR ranges (or single addresses) of proxies whose {@code Forwarded} and
 *                          {@code X-Forwarded-For} headers are believed; empty: the socket address is the client
 * @param allowedOrigins    browser origins ({@code https://app.example.com}) allowed by CORS and on WebSockets
 * @param hstsMaxAge        the {@code Strict-Transport-Security} max-age sent over HTTPS (served here or
 *                          reported by a trusted proxy); zero tells browsers to forget it
 * @param maxHeaderCount    the most request headers read
 * @param maxHeaderBytes    the most bytes of one request's headers
 * @param maxJsonDepth      the deepest JSON nesting parsed
 * @param requestTimeout    the longest a request may take, long-polls and WebSockets excepted
 * @param headerReadTimeout the longest a client may take to send a request head (slowloris defence)
 * @param tls               HTTPS from a key store; empty serves plain HTTP
 */
public record EdgeConfig(
        List<String> trustedProxies,
        List<String> allowedOrigins,
        Duration hstsMaxAge,
        int maxHeaderCount,
        int maxHeaderBytes,
        int maxJsonDepth,
        Duration requestTimeout,
        Duration headerReadTimeout,
        Optional<TlsConfig> tls) {
    static final String TRUSTED_PROXIES = "SWITCHBOARD_HTTP_TRUSTED_PROXIES";
    static final String CORS_ORIGINS = "SWITCHBOARD_HTTP_CORS_ORIGINS";
    static final String KEYSTORE = "SWITCHBOARD_HTTP_TLS_KEYSTORE";
    static final String KEYSTORE_PASSWORD = "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD";
    static final String KEYSTORE_TYPE = "SWITCHBOARD_HTTP_TLS_KEYSTORE_TYPE";

    /** The HTTP adapter's documented defaults. */
    private static final EdgeSettings DEFAULTS = EdgeSettings.defaults();

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public EdgeConfig {
        trustedProxies = List.copyOf(trustedProxies);
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(headerReadTimeout, "headerReadTimeout");
        Objects.requireNonNull(tls, "tls");
    }

    /** The HTTP adapter's defaults ({@link EdgeSettings#defaults()}): no trusted proxy, no origin, plain HTTP. */
    static EdgeConfig defaults() {
        return new EdgeConfig(DEFAULTS.trustedProxies(), DEFAULTS.allowedOrigins(), DEFAULTS.hstsMaxAge(),
                DEFAULTS.maxHeaderCount(), DEFAULTS.maxHeaderBytes(), DEFAULTS.maxJsonDepth(),
                DEFAULTS.requestTimeout(), DEFAULTS.headerReadTimeout(), Optional.empty());
    }

    static EdgeConfig read(SettingsReader settings) {
        return new EdgeConfig(
                readProxies(settings),
                readOrigins(settings),
                settings.duration("SWITCHBOARD_HTTP_HSTS_MAX_AGE", DEFAULTS.hstsMaxAge(), Duration.ZERO,
                        Duration.ofDays(730)),
                (int) settings.integer("SWITCHBOARD_HTTP_MAX_HEADERS", DEFAULTS.maxHeaderCount(), 10, 1000),
                (int) settings.integer("SWITCHBOARD_HTTP_MAX_HEADER_BYTES", DEFAULTS.maxHeaderBytes(), 1024,
                        1024 * 1024),
                (int) settings.integer("SWITCHBOARD_HTTP_MAX_JSON_DEPTH", DEFAULTS.maxJsonDepth(), 4, 256),
                settings.duration("SWITCHBOARD_HTTP_REQUEST_TIMEOUT", DEFAULTS.requestTimeout(),
                        Duration.ofSeconds(1), Duration.ofHours(1)),
                settings.duration("SWITCHBOARD_HTTP_HEADER_TIMEOUT", DEFAULTS.headerReadTimeout(),
                        Duration.ofSeconds(1), Duration.ofMinutes(5)),
                readTls(settings));
    }

    private static List<String> readProxies(SettingsReader settings) {
        List<String> ranges = new ArrayList<>();
        for (String range : settings.list(TRUSTED_PROXIES)) {
            if (isCidr(range)) {
                ranges.add(range);
            } else {
                settings.problem(TRUSTED_PROXIES, "\"" + range + "\" is not an IPv4 or IPv6 address or CIDR range "
                        + "such as 10.0.0.0/8 or fd00::/8 (host names are not resolved)");
            }
        }
        return ranges;
    }

    /** An address literal, optionally with a prefix length that fits it; never resolves a name. */
    static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        int bits;
        if (IPV4.matcher(address).matches()) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            bits = 32;
        } else if (IPV6.matcher(address).matches()) {
            try {
                // A literal with a colon is parsed, never looked up.
                InetAddress.getByName(address);
            } catch (IOException e) {
                return false;
            }
            bits = 128;
        } else {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String prefix = text.substring(slash + 1);
        return prefix.matches("\\d{1,3}") && Integer.parseInt(prefix) <= bits;
    }

    private static List<String> readOrigins(SettingsReader settings) {
        List<String> origins = new ArrayList<>();
        for (String origin : settings.list(CORS_ORIGINS)) {
            Optional<String> normalised = origin(origin);
            if (normalised.isPresent()) {
                origins.add(normalised.get());
            } else {
                settings.problem(CORS_ORIGINS, "\"" + origin + "\" is not an origin such as https://app.example.com "
                        + "(scheme, host and optional port; no path, no wildcard)");
            }
        }
        return origins;
    }

    /** {@code scheme://host[:port]} in lower case, or empty when {@code text} is no http(s) origin. */
    static Optional<String> origin(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            }
        } catch (URISyntaxException e) {
            // reported by the caller
        }
        return Optional.empty();
    }

    /** The key store is opened here, so a wrong path, type or password stops start-up with the others. */
    private static Optional<TlsConfig> readTls(SettingsReader settings) {
        Optional<String> path = settings.raw(KEYSTORE);
        Optional<String> password = settings.raw(KEYSTORE_PASSWORD);
        String type = settings.string(KEYSTORE_TYPE, "PKCS12").toUpperCase(Locale.ROOT);
        if (path.isEmpty()) {
            if (password.isPresent() || settings.raw(KEYSTORE_TYPE).isPresent()) {
                settings.problem(KEYSTORE, "is required when " + KEYSTORE_PASSWORD + " or " + KEYSTORE_TYPE
                        + " is set");
            }
            return Optional.empty();
        }
        if (!type.equals("PKCS12") && !type.equals("JKS")) {
            settings.problem(KEYSTORE_TYPE, "must be PKCS12 or JKS, was \"" + type + "\"");
            return Optional.empty();
        }
        if (password.isEmpty()) {
            settings.problem(KEYSTORE_PASSWORD, "is required with " + KEYSTORE);
            return Optional.empty();
        }
        Path file = Path.of(path.get());
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore.getInstance(type).load(in, password.get().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            // The password is never echoed; the exception names the file or says the password was wrong.
            settings.problem(KEYSTORE, "cannot open " + type + " key store " + file + " with the given password: "
                    + e.getClass().getSimpleName());
            return Optional.empty();
        }
        return Optional.of(new TlsConfig(file, password.get(), type));
    }
}
