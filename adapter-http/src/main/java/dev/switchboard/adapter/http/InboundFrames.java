package dev.switchboard.adapter.http;

import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.Pooled;

/**
 * Receives one socket's frames on its IO thread and passes them to its {@link WebSocketConnection}. A text
 * or binary message larger than the limit is refused while it is still arriving: Undertow closes the
 * socket with 1009. Pings are answered with pongs; pings and pongs count as signs of life. A client's close
 * frame is answered, and then the connection is closed at once, as RFC 6455 asks of a server.
 */
final class InboundFrames extends AbstractReceiveListener {
    private static final Logger LOG = LoggerFactory.getLogger(InboundFrames.class);

    private static final WebSocketCallback<Void> CLOSE_WHEN_SENT = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel channel, Void context) {
            IoUtils.safeClose(channel);
        }

        @Override
        public void onError(WebSocketChannel channel, Void context, Throwable failure) {
            IoUtils.safeClose(channel);
        }
    };

    private final WebSocketConnection connection;
    private final long maxFrameBytes;

    InboundFrames(WebSocketConnection connection, long maxFrameBytes) {
        this.connection = connection;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected long getMaxTextBufferSize() {
        return maxFrameBytes;
    }

    @Override
    protected long getMaxBinaryBufferSize() {
        return maxFrameBytes;
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
        connection.received(message.getData());
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        message.getData().free();
        connection.receivedBinary();
    }

    @Override
    protected void onFullPingMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
        connection.lifeSign(System.nanoTime());
        super.onFullPingMessage(channel, message);
    }

    @Override
    protected void onFullPongMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        message.getData().free();
        connection.lifeSign(System.nanoTime());
    }

    /**
     * Undertow answers the close frame but may leave the TCP connection open (in CLOSE-WAIT once the client
     * has gone), so the server closes it itself as soon as both close frames have been exchanged.
     */
    @Override
    protected void onFullCloseMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        Pooled<ByteBuffer[]> data = message.getData();
        try {
            if (channel.isCloseFrameSent()) {
                IoUtils.safeClose(channel);
            } else {
                WebSockets.sendClose(new CloseMessage(data.getResource()).toByteBuffer(), channel, CLOSE_WHEN_SENT);
            }
        } finally {
            data.free();
        }
    }

    @Override
    protected void onError(WebSocketChannel channel, Throwable error) {
        LOG.debug("WebSocket from {} failed; closing it", channel.getSourceAddress(), error);
        super.onError(channel, error);
    }
}
