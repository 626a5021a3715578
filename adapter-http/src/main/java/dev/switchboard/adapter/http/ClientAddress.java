package dev.switchboard.adapter.http;

/**
 * Which client address a request counts against (rate limits, guessing budgets, connection limits): the
 * one the edge established in its {@link ClientView}, which believes forwarding headers only from trusted
 * proxies.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpExchange exchange) {
        return ClientView.of(exchange).address();
    }
}
