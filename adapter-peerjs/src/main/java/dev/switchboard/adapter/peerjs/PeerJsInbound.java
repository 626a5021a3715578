package dev.switchboard.adapter.peerjs;

import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one socket's frames on its IO thread and passes them to its {@link PeerJsSocket}. A text message
 * larger than the limit is refused while it is still arriving ({@link TextFrameReader}), with an {@code ERROR}
 * and a 1009 close; a binary message gets an {@code ERROR} and a 1003 close (Undertow itself closes one past
 * the limit with 1009). Pings are answered; pings and pongs are signs of life.
 */
final class PeerJsInbound extends AbstractReceiveListener {
    private static final Logger LOG = LoggerFactory.getLogger(PeerJsInbound.class);

    private final PeerJsSocket socket;
    private final long maxFrameBytes;

    PeerJsInbound(PeerJsSocket socket, long maxFrameBytes) {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected long getMaxBinaryBufferSize() {
        return maxFrameBytes;
    }

    @Override
    protected void onText(WebSocketChannel channel, StreamSourceFrameChannel frame) {
        new TextFrameReader(maxFrameBytes, socket::received, () -> socket.refused(
                "message too large: at most " + maxFrameBytes + " bytes", 1009)).start(frame);
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        message.getData().free();
        socket.refused("binary frames are not supported; send JSON text", 1003);
    }

    @Override
    protected void onFullPingMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
        socket.lifeSign();
        super.onFullPingMessage(channel, message);
    }

    @Override
    protected void onFullPongMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        message.getData().free();
        socket.lifeSign();
    }

    @Override
    protected void onError(WebSocketChannel channel, Throwable error) {
        LOG.debug("PeerJS socket from {} failed; closing it", channel.getSourceAddress(), error);
        socket.refused("message unreadable or too large: at most " + maxFrameBytes + " bytes", 1009);
    }
}
