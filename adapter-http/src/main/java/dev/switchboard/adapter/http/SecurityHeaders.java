package dev.switchboard.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Duration;

/**
 * The headers every response carries, errors and refusals included: an API response is never sniffed,
 * framed, cached, given a referrer or allowed to load anything; over HTTPS (served here, or reported by a
 * trusted proxy) browsers are told to keep using HTTPS. The {@link WebFiles} are the one exception: a page
 * may load its own scripts, styles and images and call this origin, and a file may be cached if revalidated.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** No inline script or style, no other origin: what the demo page needs and nothing more. */
    static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** The {@code Cache-Control} of a response that is a web file. */
    private static final AttachmentKey<String> WEB_FILE_CACHING = AttachmentKey.create(String.class);
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
        String webFileCaching = exchange.getAttachment(WEB_FILE_CACHING);
        headers.put(CSP, webFileCaching == null ? CONTENT_SECURITY_POLICY : PAGE_CONTENT_SECURITY_POLICY);
        headers.put(REFERRER_POLICY, "no-referrer");
        headers.put(Headers.CACHE_CONTROL, webFileCaching == null ? "no-store" : webFileCaching);
        if (secure) {
            headers.put(Headers.STRICT_TRANSPORT_SECURITY, hsts);
        }
    }

    /** Gives this response the page's policy and {@code cacheControl} instead of the API's. */
    static void markAsWebFile(HttpServerExchange exchange, String cacheControl) {
        exchange.putAttachment(WEB_FILE_CACHING, cacheControl);
    }
}
