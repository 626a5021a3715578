package dev.switchboard.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin access for browsers, by an allow-list of exact origins. An allowed origin is echoed in
 * {@code Access-Control-Allow-Origin} (never {@code *}) with {@code Vary: Origin}; credentials are not
 * allowed, since requests are signed, not cookie-borne. A preflight from an allowed origin is answered 204
 * with the methods, the signature headers and a max-age; from any other origin it is 403. The same list
 * decides which browser pages may open a WebSocket.
 */
final class Cors {
    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE";
    static final String ALLOWED_HEADERS =
            "Signature, Signature-Input, Content-Digest, Authorization, Content-Type, X-Request-Id";
    static final String EXPOSED_HEADERS = "RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, Location, "
            + "Chunk-Index, Repr-Digest, Transfer-State, Accept-Signature, WWW-Authenticate";
    static final long MAX_AGE_SECONDS = 600;
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");

    private final Set<String> allowedOrigins;

    Cors(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Whether a page of {@code origin} may call the API or open a WebSocket. */
    boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }

    static Optional<String> originOf(HttpServerExchange exchange) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.ORIGIN));
    }

    static boolean isPreflight(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equals(Methods.OPTIONS)
                && exchange.getRequestHeaders().contains(REQUEST_METHOD);
    }

    /** The answer to a preflight request. */
    Reply preflight(HttpServerExchange exchange) {
        String origin = originOf(exchange).orElse("(none)");
        if (!allows(origin)) {
            return EdgeProblem.originNotAllowed(origin);
        }
        return new Reply.NoContent()
                .withHeader(ALLOW_METHODS.toString(), ALLOWED_METHODS)
                .withHeader(ALLOW_HEADERS.toString(), ALLOWED_HEADERS)
                .withHeader(MAX_AGE.toString(), Long.toString(MAX_AGE_SECONDS));
    }

    /** Adds the CORS headers of a response, as it is committed. */
    void decorate(HttpServerExchange exchange) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        headers.add(Headers.VARY, "Origin");
        originOf(exchange).filter(this::allows).ifPresent(origin -> {
            headers.put(ALLOW_ORIGIN, origin);
            if (!isPreflight(exchange)) {
                headers.put(EXPOSE_HEADERS, EXPOSED_HEADERS);
            }
        });
    }
}
