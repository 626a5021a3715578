package dev.switchboard.adapter.http;

import io.undertow.server.HttpServerExchange;

/**
 * Which client address a request counts against (rate limits, guessing budgets, connection limits): the
 * one the edge established in its {@link ClientView}, which believes forwarding headers only from trusted
 * proxies.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServerExchange exchange) {
        return ClientView.of(exchange).address();
    }
}
