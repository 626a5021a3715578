package dev.switchboard.adapter.http;

import dev.switchboard.transport.netty.StrictUtf8;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one socket's frames on its event loop (whole messages: fragments are joined before) and passes
 * them to its {@link WebSocketConnection}. A message larger than the limit is refused as soon as a frame
 * header says so, with 1009; text that is not UTF-8 with 1007, any other protocol violation with 1002. Pings
 * are answered with pongs; pings and pongs count as signs of life. A client's close frame is answered, and
 * then the connection is closed at once, as RFC 6455 asks of a server.
 */
final class InboundFrames extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InboundFrames.class);

    static final String NOT_UTF8 = "text must be UTF-8";

    private final WebSocketConnection connection;
    private final String tooLarge;

    InboundFrames(WebSocketConnection connection, long maxFrameBytes) {
        this.connection = connection;
        this.tooLarge = "Message exceeded max message size of " + maxFrameBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof TextWebSocketFrame text) {
                Optional<String> decoded = StrictUtf8.decode(text.content());
                if (decoded.isPresent()) {
                    connection.received(decoded.get());
                } else {
                    connection.fail(1007, NOT_UTF8);
                }
            } else if (message instanceof BinaryWebSocketFrame) {
                connection.receivedBinary();
            } else if (message instanceof PingWebSocketFrame ping) {
                connection.pinged(ping.content());
            } else if (message instanceof PongWebSocketFrame) {
                connection.lifeSign(System.nanoTime());
            } else if (message instanceof CloseWebSocketFrame close) {
                connection.closeReceived(close);
            }
            // Anything else is what the HTTP codec still passed on after the upgrade request (its empty end).
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // The aggregator's limit: a message whose fragments together exceed it.
            connection.fail(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), tooLarge);
        } else if (cause instanceof CorruptedWebSocketFrameException corrupt) {
            WebSocketCloseStatus status = corrupt.closeStatus();
            connection.fail(status.code(), reasonFor(status, corrupt.getMessage()));
        } else if (cause instanceof CorruptedFrameException) {
            connection.fail(WebSocketCloseStatus.PROTOCOL_ERROR.code(), WebSocketCloseStatus.PROTOCOL_ERROR.reasonText());
        } else {
            LOG.debug("WebSocket from {} failed; closing it", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    /** The close reason for a frame the decoder refused; Netty's own texts name the violation. */
    private String reasonFor(WebSocketCloseStatus status, String detail) {
        if (status.equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)) {
            return tooLarge;
        }
        if (status.equals(WebSocketCloseStatus.INVALID_PAYLOAD_DATA)) {
            return NOT_UTF8;
        }
        return detail == null ? status.reasonText() : detail;
    }
}
