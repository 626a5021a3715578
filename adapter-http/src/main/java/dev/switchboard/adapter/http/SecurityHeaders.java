package dev.switchboard.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Duration;

/**
 * The headers every response carries, errors and refusals included: an API response is never sniffed,
 * framed, cached, given a referrer or allowed to load anything; over HTTPS (served here, or reported by a
 * trusted proxy) browsers are told to keep using HTTPS.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final HttpString X_CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
    private static final HttpString X_FRAME_OPTIONS = new HttpString("X-Frame-Options");
    private static final HttpString CSP = new HttpString("Content-Security-Policy");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");

    private final String hsts;

    SecurityHeaders(Duration hstsMaxAge) {
        this.hsts = "max-age=" + hstsMaxAge.toSeconds();
    }

    void apply(HttpServerExchange exchange, boolean secure) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(X_CONTENT_TYPE_OPTIONS, "nosniff");
        headers.put(X_FRAME_OPTIONS, "DENY");
        headers.put(CSP, CONTENT_SECURITY_POLICY);
        headers.put(REFERRER_POLICY, "no-referrer");
        headers.put(Headers.CACHE_CONTROL, "no-store");
        if (secure) {
            headers.put(Headers.STRICT_TRANSPORT_SECURITY, hsts);
        }
    }
}
