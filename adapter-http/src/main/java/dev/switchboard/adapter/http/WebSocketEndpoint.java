package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.RedeemConnectionTicket;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code GET /v1/ws?ticket=&after=&eventsAfter=}: opens a WebSocket. Everything is checked before the
 * upgrade, while a refusal can still be an HTTP problem: the handshake headers (400), a browser page's
 * {@code Origin} against the allow-list (403; a client that sends none is not a browser and passes, and so
 * does a page of the server's own origin), the address's connect budget and connection limit (429), and the
 * ticket, which is redeemed, so used up, here (401). Only then does the request switch protocols.
 */
final class WebSocketEndpoint implements Endpoint {
    static final Set<String> QUERY = Set.of("ticket", "after", "eventsAfter");

    private final RedeemConnectionTicket redeemConnectionTicket;
    private final OpenSockets sockets;
    private final SocketHandshake handshake;
    private final EdgeServices edge;

    WebSocketEndpoint(RedeemConnectionTicket redeemConnectionTicket, OpenSockets sockets, SocketHandshake handshake,
            EdgeServices edge) {
        this.redeemConnectionTicket = redeemConnectionTicket;
        this.sockets = sockets;
        this.handshake = handshake;
        this.edge = edge;
    }

    @Override
    public Reply handle(Call call) {
        requireWebSocketHandshake(call);
        Optional<String> origin = call.header("Origin");
        if (origin.isPresent() && !sameOrigin(origin.get(), call) && !edge.cors().allows(origin.get())) {
            return EdgeProblem.originNotAllowed(origin.get());
        }
        edge.rateLimits().spend(call.exchange(), LimitedAction.WEBSOCKET_CONNECT,
                LimitSubject.address(call.clientAddress()));
        String ticket = call.query().text("ticket").filter(t -> !t.isBlank()).orElseThrow(() ->
                new SignalingException(ErrorCode.TICKET_INVALID, "pass a ticket from POST /v1/tickets as ?ticket="));
        long after = cursor(call, "after").orElse(0);
        OptionalLong eventsAfter = cursor(call, "eventsAfter");
        OpenSockets.Slot slot = sockets.reserve(call.clientAddress());
        Identity owner;
        try {
            owner = redeemConnectionTicket.redeem(ticket);
        } catch (RuntimeException refused) {
            slot.release();
            throw refused;
        }
        return handshake.upgrade(new SocketAdmission(owner, after, eventsAfter, slot));
    }

    /**
     * A page this server served itself (the demo page, or any page behind the same origin) is no cross-origin
     * caller: its {@code Origin} is the scheme and authority the request addressed, as the edge established them.
     */
    private static boolean sameOrigin(String origin, Call call) {
        return origin.equalsIgnoreCase(call.requestOrigin().toString());
    }

    /** Checked before the ticket is spent, so a request that cannot become a WebSocket keeps it. */
    private static void requireWebSocketHandshake(Call call) {
        boolean upgrade = call.header("Upgrade")
                .filter(value -> value.strip().toLowerCase(Locale.ROOT).equals("websocket")).isPresent();
        if (!upgrade || call.header("Sec-WebSocket-Key").filter(k -> !k.isBlank()).isEmpty()) {
            throw WireJson.malformed("this is a WebSocket: open it with a WebSocket handshake (Upgrade: websocket)");
        }
        boolean connectionUpgrade = call.headers("Connection").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(token -> token.strip().equalsIgnoreCase("upgrade"));
        if (!connectionUpgrade) {
            throw WireJson.malformed("a WebSocket handshake asks to upgrade the connection (Connection: Upgrade)");
        }
        if (!call.header("Sec-WebSocket-Version").map(String::strip).orElse("").equals("13")) {
            throw WireJson.malformed("only WebSocket version 13 (RFC 6455) is supported");
        }
    }

    private static OptionalLong cursor(Call call, String name) {
        if (call.query().text(name).isEmpty()) {
            return OptionalLong.empty();
        }
        long value = call.query().integer(name, 0);
        if (value < 0) {
            throw SignalingException.invalid(name, "must not be negative");
        }
        return OptionalLong.of(value);
    }
}
