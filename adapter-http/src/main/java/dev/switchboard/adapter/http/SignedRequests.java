package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.SignedRequest;
import java.util.ArrayList;
import java.util.Iterator;
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

    static SignedRequest of(HttpExchange exchange, byte[] body) {
        ClientView view = ClientView.of(exchange);
        String query = exchange.target().rawQuery();
        return new SignedRequest(
                exchange.method(),
                view.scheme(),
                view.authority(),
                exchange.target().rawPath(),
                query.isEmpty() ? Optional.empty() : Optional.of(query),
                headers(exchange),
                body);
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, String>> it = exchange.requestHeaders().iteratorAsString(); it.hasNext(); ) {
            Map.Entry<String, String> field = it.next();
            headers.computeIfAbsent(field.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(field.getValue());
        }
        return headers;
    }
}
