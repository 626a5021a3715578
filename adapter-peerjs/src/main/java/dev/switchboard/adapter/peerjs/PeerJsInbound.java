package dev.switchboard.adapter.peerjs;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one socket's frames on its network thread (whole messages: fragments are joined before) and passes
 * them to its {@link PeerJsSocket}. A message larger than the limit is refused as soon as its header says so,
 * with an {@code ERROR} and a 1009 close; a binary message gets an {@code ERROR} and a 1003 close, text that is
 * not UTF-8 a 1007. Pings are answered; pings and pongs are signs of life.
 */
final class PeerJsInbound extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(PeerJsInbound.class);
    static final String NOT_UTF8 = "a text message must be UTF-8";

    private final PeerJsSocket socket;
    private final long maxFrameBytes;

    PeerJsInbound(PeerJsSocket socket, long maxFrameBytes) {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            if (ByteBufUtil.isText(text.content(), StandardCharsets.UTF_8)) {
                socket.received(text.content());
            } else {
                socket.refused(NOT_UTF8, 1007);
            }
        } else if (frame instanceof PingWebSocketFrame) {
            socket.lifeSign();
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof PongWebSocketFrame) {
            socket.lifeSign();
        } else if (frame instanceof CloseWebSocketFrame close) {
            socket.closeReceived(close.statusCode());
        } else if (frame instanceof BinaryWebSocketFrame) {
            socket.refused("binary frames are not supported; send JSON text", 1003);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause instanceof CorruptedWebSocketFrameException corrupt
                && corrupt.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)) {
            socket.refused("message too large: at most " + maxFrameBytes + " bytes", 1009);
        } else if (cause instanceof CorruptedWebSocketFrameException corrupt
                && corrupt.closeStatus().equals(WebSocketCloseStatus.INVALID_PAYLOAD_DATA)) {
            socket.refused(NOT_UTF8, 1007);
        } else if (cause instanceof CorruptedFrameException) {
            socket.refused("not a valid WebSocket frame: " + cause.getMessage(), 1002);
        } else {
            LOG.debug("PeerJS socket from {} failed; closing it", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
