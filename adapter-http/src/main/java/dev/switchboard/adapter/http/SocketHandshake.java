package dev.switchboard.adapter.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.List;

/**
 * Completes the RFC 6455 handshake (version 13, no extensions) of an admitted request and hands the socket
 * to a new {@link WebSocketConnection}. One handshake handler serves every connection; the admission
 * travels as an exchange attachment. If the exchange ends without switching protocols, the admission's
 * address place is given back.
 */
final class SocketHandshake {
    private final SocketContext context;
    private final HttpHandler handshake;

    SocketHandshake(SocketContext context) {
        this.context = context;
        this.handshake = new WebSocketProtocolHandshakeHandler(List.of(new Hybi13Handshake()), this::connected,
                exchange -> {
                    // The endpoint checked the handshake headers, so no request should get here.
                    exchange.setStatusCode(400);
                    exchange.endExchange();
                });
    }

    /** The reply that switches {@code admission}'s request to a WebSocket. */
    Reply.Upgrade upgrade(SocketAdmission admission) {
        return new Reply.Upgrade(exchange -> switchProtocols(exchange, admission));
    }

    private void switchProtocols(HttpServerExchange exchange, SocketAdmission admission) throws Exception {
        exchange.putAttachment(SocketAdmission.KEY, admission);
        exchange.addExchangeCompleteListener((done, next) -> {
            if (done.getStatusCode() != 101) {
                admission.slot().release();
            }
            next.proceed();
        });
        handshake.handleRequest(exchange);
    }

    private void connected(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        WebSocketConnection.open(context, channel, exchange.getAttachment(SocketAdmission.KEY));
    }
}
