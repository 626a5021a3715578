package dev.switchboard.adapter.peerjs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.PeerJsUseCases;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the {@code peer} server under the configured path: {@code GET <path>} (its description),
 * {@code GET <path><key>/id}, {@code GET <path><key>/peers} and the WebSocket at {@code <path>peerjs}. CORS
 * headers follow the allowed origins; a browser page from another origin cannot open the WebSocket (403).
 * One instance serves every connection.
 */
@ChannelHandler.Sharable
final class PeerJsRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String DESCRIPTION = "{\"name\":\"PeerJS Server\",\"description\":\"A server side element to "
            + "broker connections between PeerJS clients.\",\"website\":\"https://peerjs.com/\"}";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger(PeerJsRoutes.class);

    private final PeerJsSettings settings;
    private final PeerJsUseCases peerJs;
    private final PeerSockets sockets;
    private final Executor workers;
    private final ForwardedClients clients;
    private final WebSocketDecoderConfig frames;

    PeerJsRoutes(PeerJsSettings settings, PeerJsUseCases peerJs, PeerSockets sockets, Executor workers) {
        this.settings = settings;
        this.peerJs = peerJs;
        this.sockets = sockets;
        this.workers = workers;
        this.clients = new ForwardedClients(settings.trustedProxies());
        // A protocol violation (an oversized frame) reaches PeerJsInbound, which says why before it closes.
        this.frames = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(settings.maxFrameBytes())
                .allowExtensions(false).closeOnProtocolViolation(false).build();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Optional<String> origin = Optional.ofNullable(request.headers().get(HttpHeaderNames.ORIGIN));
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        String prefix = settings.path();
        if (!path.startsWith(prefix) && !(path + "/").equals(prefix)) {
            text(ctx, request, 404, "Not Found");
            return;
        }
        String route = path.length() < prefix.length() ? "" : path.substring(prefix.length());
        if (route.equals("peerjs")) {
            if (origin.isPresent() && !settings.allows(origin.get())) {
                text(ctx, request, 403, "origin not allowed");
            } else if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                text(ctx, request, 400, "this is the PeerJS WebSocket: open it with a WebSocket handshake");
            } else {
                upgrade(ctx, request, uri.parameters());
            }
            return;
        }
        Reply reply = new Reply(ctx, HttpUtil.isKeepAlive(request), cors(origin));
        if (request.method().equals(HttpMethod.OPTIONS)) {
            reply.send(204, null, "", Map.of("Access-Control-Allow-Methods", "GET"));
            return;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            reply.send(405, TEXT, "Method Not Allowed", Map.of());
            return;
        }
        String[] parts = route.split("/", -1);
        if (route.isEmpty()) {
            reply.send(200, JSON, DESCRIPTION, Map.of());
        } else if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("id")) {
            call(reply, path, TEXT, () -> peerJs.generatePeerId().generate(parts[0]).value());
        } else if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("peers")) {
            call(reply, path, JSON, () -> peers(parts[0]));
        } else {
            reply.send(404, TEXT, "Not Found", Map.of());
        }
    }

    /**
     * Switches to the WebSocket protocol; the socket starts once the handshake's answer is written. Its
     * handlers go in before the answer, so no frame that follows it can reach the HTTP routes.
     */
    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Map<String, List<String>> query) {
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                webSocketUrl(request), null, frames).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        String client = clients.clientOf((InetSocketAddress) ctx.channel().remoteAddress(),
                request.headers().getAll("Forwarded"), request.headers().getAll("X-Forwarded-For"));
        PeerJsSocket.SocketQuery socketQuery = new PeerJsSocket.SocketQuery(parameter(query, "key"),
                parameter(query, "id"), parameter(query, "token"), client);
        Executor useCases = settings.useCasesBlock() ? workers : ctx.channel().eventLoop();
        PeerJsSocket socket = new PeerJsSocket(ctx.channel(), peerJs, sockets, useCases, socketQuery, settings);
        ctx.pipeline().addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(settings.maxFrameBytes()))
                .addAfter("ws-aggregator", "peerjs", new PeerJsInbound(socket, settings.maxFrameBytes()));
        ctx.pipeline().remove(this);
        handshaker.handshake(ctx.channel(), request).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                socket.start();
            } else {
                written.channel().close();
            }
        });
    }

    private String webSocketUrl(FullHttpRequest request) {
        String host = Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST)).orElse(settings.host());
        return (settings.tls().isPresent() ? "wss://" : "ws://") + host + settings.path() + "peerjs";
    }

    private String peers(String key) {
        return peerJs.listPeers().list(key).stream()
                .map(id -> '"' + new String(JsonStringEncoder.getInstance().quoteAsString(id.value())) + '"')
                .collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Answers with what a use case returns, off the network thread when use cases may block; an unknown key or a
     * refused list is 401, as {@code peer} answers, and so is a fresh id where ids come with PeerJS tokens.
     */
    private void call(Reply reply, String path, String type, Supplier<String> useCase) {
        Runnable answer = () -> {
            try {
                reply.send(200, type, useCase.get(), Map.of());
            } catch (SignalingException e) {
                if (e.code() == ErrorCode.PEER_TOKEN_INVALID) {
                    reply.send(401, TEXT, e.getMessage(), Map.of());
                } else if (e.code() == ErrorCode.PEER_KEY_INVALID) {
                    reply.send(401, TEXT, PeerJsSocket.INVALID_KEY, Map.of());
                } else if (e.code() == ErrorCode.PEER_DISCOVERY_DISABLED) {
                    reply.send(401, TEXT, "Unauthorized: listing peers is not allowed on this server", Map.of());
                } else {
                    LOG.warn("PeerJS request {} refused", path, e);
                    reply.send(503, TEXT, "Service Unavailable", Map.of());
                }
            } catch (RuntimeException e) {
                LOG.error("PeerJS request {} failed", path, e);
                reply.send(500, TEXT, "Internal Server Error", Map.of());
            }
        };
        if (settings.useCasesBlock()) {
            workers.execute(answer);
        } else {
            answer.run();
        }
    }

    private Map<String, String> cors(Optional<String> origin) {
        if (settings.allowedOrigins().isEmpty()) {
            return Map.of("Access-Control-Allow-Origin", "*");
        }
        if (origin.isPresent() && settings.allows(origin.get())) {
            return Map.of("Access-Control-Allow-Origin", origin.get(), "Vary", "Origin");
        }
        return Map.of();
    }

    private static Optional<String> parameter(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null ? Optional.empty() : values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static void text(ChannelHandlerContext ctx, FullHttpRequest request, int status, String body) {
        new Reply(ctx, HttpUtil.isKeepAlive(request), Map.of()).send(status, TEXT, body, Map.of());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("PeerJS HTTP connection from {} failed; closing it", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    /** One answer on a connection, with the headers every answer of its request carries; safe from any thread. */
    private record Reply(ChannelHandlerContext ctx, boolean keepAlive, Map<String, String> headers) {
        void send(int status, String type, String body, Map<String, String> more) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status), ByteBufUtil.writeUtf8(ctx.alloc(), body));
            headers.forEach(response.headers()::set);
            more.forEach(response.headers()::set);
            if (type != null) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            }
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
