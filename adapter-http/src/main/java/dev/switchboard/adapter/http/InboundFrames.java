package dev.switchboard.adapter.http;

import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one socket's frames on its IO thread and passes them to its {@link WebSocketConnection}. A text
 * or binary message larger than the limit is refused while it is still arriving: Undertow closes the
 * socket with 1009. Pings are answered with pongs; pings and pongs count as signs of life.
 */
final class InboundFrames extends AbstractReceiveListener {
    private static final Logger LOG = LoggerFactory.getLogger(InboundFrames.class);

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

    @Override
    protected void onError(WebSocketChannel channel, Throwable error) {
        LOG.debug("WebSocket from {} failed; closing it", channel.getSourceAddress(), error);
        super.onError(channel, error);
    }
}
