package dev.switchboard.adapter.peerjs;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;

/**
 * Reads one text message of a socket without blocking (IO thread), up to a limit. Undertow's own limit sends
 * its close frame before the listener hears of it, leaving no room for PeerJS's {@code ERROR}; this one
 * reports the oversized message at once and reads the rest of it into nothing, so the socket can still say
 * why it closes.
 */
final class TextFrameReader implements ChannelListener<StreamSourceFrameChannel> {
    private final long limit;
    private final Consumer<String> onMessage;
    private final Runnable onTooLarge;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean tooLarge;

    TextFrameReader(long limit, Consumer<String> onMessage, Runnable onTooLarge) {
        this.limit = limit;
        this.onMessage = onMessage;
        this.onTooLarge = onTooLarge;
    }

    /** Reads what is there; if the message is not complete yet, waits for the rest on the frame's read listener. */
    void start(StreamSourceFrameChannel frame) {
        handleEvent(frame);
    }

    @Override
    public void handleEvent(StreamSourceFrameChannel frame) {
        try (PooledByteBuffer pooled = frame.getWebSocketChannel().getBufferPool().allocate()) {
            ByteBuffer buffer = pooled.getBuffer();
            while (true) {
                buffer.clear();
                int read = frame.read(buffer);
                if (read == -1) {
                    frame.getReadSetter().set(null);
                    IoUtils.safeClose(frame);
                    if (!tooLarge) {
                        onMessage.accept(bytes.toString(StandardCharsets.UTF_8));
                    }
                    return;
                }
                if (read == 0) {
                    frame.getReadSetter().set(this);
                    frame.resumeReads();
                    return;
                }
                buffer.flip();
                if (!tooLarge && bytes.size() + read > limit) {
                    tooLarge = true;
                    bytes.reset();
                    onTooLarge.run();
                } else if (!tooLarge) {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.writeBytes(chunk);
                }
            }
        } catch (IOException e) {
            IoUtils.safeClose(frame.getWebSocketChannel());
        }
    }
}
