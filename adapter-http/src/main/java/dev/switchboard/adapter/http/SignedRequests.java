package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.SignedRequest;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link SignedRequest} the core verifies from an exchange, with every component as the
 * client sent it: the path still percent-encoded, the raw query, all header values, and exactly the body
 * bytes received. Scheme and authority are the {@link ClientView}'s: the public base URL when configured,
 * else what a trusted proxy reports, else the request's own scheme and {@code Host}.
 */
final class SignedRequests {

    private SignedRequests() {}

    static SignedRequest of(HttpServerExchange exchange, byte[] body) {
        ClientView view = ClientView.of(exchange);
        String query = exchange.getQueryString();
        return new SignedRequest(
                exchange.getRequestMethod().toString(),
                view.scheme(),
                view.authority(),
                pathAsSent(exchange),
                query == null || query.isEmpty() ? Optional.empty() : Optional.of(query),
                headers(exchange),
                body);
    }

    /** The request URI is not decoded, but carries scheme and authority when the client sent absolute form. */
    private static String pathAsSent(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int path = uri.indexOf('/', uri.indexOf("://") + 3);
        return path < 0 ? "/" : uri.substring(path);
    }

    private static Map<String, List<String>> headers(HttpServerExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.computeIfAbsent(values.getHeaderName().toString().toLowerCase(Locale.ROOT),
                    name -> new ArrayList<>()).addAll(values);
        }
        return headers;
    }
}
