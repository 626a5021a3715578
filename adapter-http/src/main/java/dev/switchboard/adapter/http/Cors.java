package dev.switchboard.adapter.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
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

    private final Set<String> allowedOrigins;

    Cors(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Whether a page of {@code origin} may call the API or open a WebSocket. */
    boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }

    static Optional<String> originOf(HttpExchange exchange) {
        return Optional.ofNullable(exchange.requestHeaders().get(HttpHeaderNames.ORIGIN));
    }

    static boolean isPreflight(HttpExchange exchange) {
        return exchange.isMethod(HttpMethod.OPTIONS)
                && exchange.requestHeaders().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    /** The answer to a preflight request. */
    Reply preflight(HttpExchange exchange) {
        String origin = originOf(exchange).orElse("(none)");
        if (!allows(origin)) {
            return EdgeProblem.originNotAllowed(origin);
        }
        return new Reply.NoContent()
                .withHeader(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS.toString(), ALLOWED_METHODS)
                .withHeader(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS.toString(), ALLOWED_HEADERS)
                .withHeader(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE.toString(), Long.toString(MAX_AGE_SECONDS));
    }

    /** Adds the CORS headers of a response, as it is committed. */
    void decorate(HttpExchange exchange) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        HttpHeaders headers = exchange.responseHeaders();
        headers.add(HttpHeaderNames.VARY, "Origin");
        originOf(exchange).filter(this::allows).ifPresent(origin -> {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            if (!isPreflight(exchange)) {
                headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            }
        });
    }
}
