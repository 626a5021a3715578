package dev.switchboard.adapter.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;
import java.util.List;

/**
 * Completes the RFC 6455 handshake (version 13, no extensions) of an admitted request and hands the socket
 * to a new {@link WebSocketConnection}. Frames are read whole, at most {@code maxFrameBytes} each: the decoder
 * refuses a larger one from its header, the aggregator a fragmented message that grows past it, and protocol
 * violations reach {@link InboundFrames}, which says why before it closes. If the request does not switch
 * protocols, or the connection ends before the 101 is written, the admission's address place is given back.
 */
final class SocketHandshake {
    private static final String AGGREGATOR = "ws-aggregator";
    private static final String FRAMES = "ws-frames";

    private final SocketContext context;
    private final WebSocketDecoderConfig frames;

    SocketHandshake(SocketContext context) {
        this.context = context;
        this.frames = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(context.settings().maxFrameBytes())
                .allowExtensions(false).closeOnProtocolViolation(false).build();
    }

    /** The reply that switches {@code admission}'s request to a WebSocket. */
    Reply.Upgrade upgrade(SocketAdmission admission) {
        return new Reply.Upgrade((channel, request) -> switchProtocols(channel, request, admission));
    }

    private ChannelFuture switchProtocols(Channel channel, HttpRequest request, SocketAdmission admission) {
        try {
            WebSocketConnection connection = new WebSocketConnection(context, channel, admission);
            return handshake(channel, request, connection).addListener(done -> {
                if (done.isSuccess()) {
                    connection.start();
                } else {
                    admission.slot().release();
                }
            });
        } catch (WebSocketHandshakeException refused) {
            admission.slot().release();
            removeFrameHandlers(channel.pipeline());
            return refuse(channel, refused);
        } catch (RuntimeException failed) {
            admission.slot().release();
            return channel.newFailedFuture(failed);
        }
    }

    /**
     * Writes the 101. The socket's handlers go in before it, right after the HTTP codec, so that no frame that
     * follows it can reach a pipeline without them; the handshaker puts the frame codec in front of the HTTP
     * codec and takes the latter out once the 101 is written.
     */
    private ChannelFuture handshake(Channel channel, HttpRequest request, WebSocketConnection connection) {
        ChannelHandlerContext http = channel.pipeline().context(HttpServerCodec.class);
        if (http == null) {
            return channel.newFailedFuture(new IllegalStateException("no HTTP codec: the connection has closed"));
        }
        int maxFrameBytes = context.settings().maxFrameBytes();
        channel.pipeline().addAfter(http.name(), AGGREGATOR, new WebSocketFrameAggregator(maxFrameBytes))
                .addAfter(AGGREGATOR, FRAMES, connection.inbound());
        return new WebSocketServerHandshaker13(request.uri(), null, frames).handshake(channel, whole(request));
    }

    /** The request as the handshaker takes it: whole (a WebSocket request has no body). */
    private static FullHttpRequest whole(HttpRequest request) {
        return new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
    }

    private static void removeFrameHandlers(ChannelPipeline pipeline) {
        for (String name : List.of(AGGREGATOR, FRAMES)) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
    }

    /** A request the endpoint let through but the handshaker does not take: 400, and the switch fails once written. */
    private static ChannelFuture refuse(Channel channel, WebSocketHandshakeException refused) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION,
                HttpHeaderValues.CLOSE);
        ChannelPromise failed = channel.newPromise();
        channel.writeAndFlush(response).addListener((ChannelFutureListener) written -> failed.setFailure(refused));
        return failed;
    }
}
