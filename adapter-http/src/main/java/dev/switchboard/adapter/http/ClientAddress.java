package dev.switchboard.adapter.http;

import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;

/**
 * Which client address a request counts against (guessing budgets, connection limits). Today that is the
 * peer of the TCP connection. This is the one place to teach about trusted proxies ({@code Forwarded},
 * {@code X-Forwarded-For}): behind a proxy every client would otherwise share the proxy's address.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        if (peer == null) {
            return "unknown";
        }
        return peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    }
}
