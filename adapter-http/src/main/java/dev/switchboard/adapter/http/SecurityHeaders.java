package dev.switchboard.adapter.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
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
    private static final AttachmentKey<String> WEB_FILE_CACHING = AttachmentKey.named("web file caching");

    private final String hsts;

    SecurityHeaders(Duration hstsMaxAge) {
        this.hsts = "max-age=" + hstsMaxAge.toSeconds();
    }

    void apply(HttpExchange exchange, boolean secure) {
        HttpHeaders headers = exchange.responseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
        String webFileCaching = exchange.attachment(WEB_FILE_CACHING);
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY,
                webFileCaching == null ? CONTENT_SECURITY_POLICY : PAGE_CONTENT_SECURITY_POLICY);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set(HttpHeaderNames.CACHE_CONTROL, webFileCaching == null ? "no-store" : webFileCaching);
        if (secure) {
            headers.set("Strict-Transport-Security", hsts);
        }
    }

    /** Gives this response the page's policy and {@code cacheControl} instead of the API's. */
    static void markAsWebFile(HttpExchange exchange, String cacheControl) {
        exchange.attach(WEB_FILE_CACHING, cacheControl);
    }
}
