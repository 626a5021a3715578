package dev.switchboard.adapter.peerjs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.PeerJsUseCases;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the {@code peer} server under the configured path: {@code GET <path>} (its description),
 * {@code GET <path><key>/id}, {@code GET <path><key>/peers} and the WebSocket at {@code <path>peerjs}. CORS
 * headers follow the allowed origins; a browser page from another origin cannot open the WebSocket (403).
 */
final class PeerJsRoutes implements HttpHandler {
    static final String DESCRIPTION = "{\"name\":\"PeerJS Server\",\"description\":\"A server side element to "
            + "broker connections between PeerJS clients.\",\"website\":\"https://peerjs.com/\"}";
    private static final Logger LOG = LoggerFactory.getLogger(PeerJsRoutes.class);

    private final PeerJsSettings settings;
    private final PeerJsUseCases peerJs;
    private final PeerSockets sockets;
    private final Executor worker;
    private final HttpHandler handshake;
    private final ForwardedClients clients;

    PeerJsRoutes(PeerJsSettings settings, PeerJsUseCases peerJs, PeerSockets sockets, Executor worker) {
        this.settings = settings;
        this.clients = new ForwardedClients(settings.trustedProxies());
        this.peerJs = peerJs;
        this.sockets = sockets;
        this.worker = worker;
        this.handshake = new WebSocketProtocolHandshakeHandler(List.of(new Hybi13Handshake()), this::connected,
                exchange -> text(exchange, 400, "this is the PeerJS WebSocket: open it with a WebSocket handshake"));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.ORIGIN));
        String path = exchange.getRequestPath();
        String prefix = settings.path();
        if (!path.startsWith(prefix) && !(path + "/").equals(prefix)) {
            text(exchange, 404, "Not Found");
            return;
        }
        String route = path.length() < prefix.length() ? "" : path.substring(prefix.length());
        if (route.equals("peerjs")) {
            if (origin.isPresent() && !settings.allows(origin.get())) {
                text(exchange, 403, "origin not allowed");
                return;
            }
            handshake.handleRequest(exchange);
            return;
        }
        cors(exchange, origin);
        if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            exchange.getResponseHeaders().put(HttpString.tryFromString("Access-Control-Allow-Methods"), "GET");
            exchange.setStatusCode(204);
            exchange.endExchange();
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            text(exchange, 405, "Method Not Allowed");
            return;
        }
        String[] parts = route.split("/", -1);
        if (route.isEmpty()) {
            respond(exchange, 200, "application/json", DESCRIPTION);
        } else if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("id")) {
            onWorker(exchange, () -> text(exchange, 200, peerJs.generatePeerId().generate(parts[0]).value()));
        } else if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("peers")) {
            onWorker(exchange, () -> respond(exchange, 200, "application/json", peers(parts[0])));
        } else {
            text(exchange, 404, "Not Found");
        }
    }

    private String peers(String key) {
        return peerJs.listPeers().list(key).stream()
                .map(id -> '"' + new String(JsonStringEncoder.getInstance().quoteAsString(id.value())) + '"')
                .collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Runs a use case off the IO thread; an unknown key or a refused list is 401, as {@code peer} answers, and so is
     * a fresh id where ids come with PeerJS tokens.
     */
    private void onWorker(HttpServerExchange exchange, Runnable call) {
        exchange.dispatch(worker, () -> {
            try {
                call.run();
            } catch (SignalingException e) {
                if (e.code() == ErrorCode.PEER_TOKEN_INVALID) {
                    text(exchange, 401, e.getMessage());
                } else if (e.code() == ErrorCode.PEER_KEY_INVALID || e.code() == ErrorCode.PEER_DISCOVERY_DISABLED) {
                    text(exchange, 401, e.code() == ErrorCode.PEER_KEY_INVALID ? PeerJsSocket.INVALID_KEY
                            : "Unauthorized: listing peers is not allowed on this server");
                } else {
                    LOG.warn("PeerJS request {} refused", exchange.getRequestPath(), e);
                    text(exchange, 503, "Service Unavailable");
                }
            } catch (RuntimeException e) {
                LOG.error("PeerJS request {} failed", exchange.getRequestPath(), e);
                text(exchange, 500, "Internal Server Error");
            }
        });
    }

    private void cors(HttpServerExchange exchange, Optional<String> origin) {
        if (settings.allowedOrigins().isEmpty()) {
            exchange.getResponseHeaders().put(HttpString.tryFromString("Access-Control-Allow-Origin"), "*");
        } else if (origin.isPresent() && settings.allows(origin.get())) {
            exchange.getResponseHeaders().put(HttpString.tryFromString("Access-Control-Allow-Origin"), origin.get());
            exchange.getResponseHeaders().put(Headers.VARY, "Origin");
        }
    }

    private void connected(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        String client = clients.clientOf(channel.getSourceAddress(), header(exchange, Headers.FORWARDED_STRING),
                header(exchange, Headers.X_FORWARDED_FOR_STRING));
        PeerJsSocket.SocketQuery query = new PeerJsSocket.SocketQuery(parameter(exchange, "key"),
                parameter(exchange, "id"), parameter(exchange, "token"), client);
        PeerJsSocket socket = new PeerJsSocket(channel, peerJs, sockets, worker, query, settings);
        channel.getIoThread().execute(() -> socket.start(settings.maxFrameBytes()));
    }

    /** Every field line of header {@code name}, whatever the case it was sent in. */
    private static List<String> header(WebSocketHttpExchange exchange, String name) {
        return exchange.getRequestHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .toList();
    }

    private static Optional<String> parameter(WebSocketHttpExchange exchange, String name) {
        List<String> values = exchange.getRequestParameters().get(name);
        return values == null ? Optional.empty() : values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static void text(HttpServerExchange exchange, int status, String body) {
        respond(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void respond(HttpServerExchange exchange, int status, String type, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseSender().send(body);
    }
}
