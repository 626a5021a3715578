package dev.switchboard.adapter.http;

/** One step of the request chain: answers the exchange, or hands it on to the next step. */
@FunctionalInterface
interface ExchangeHandler {
    void handle(HttpExchange exchange) throws Exception;
}
