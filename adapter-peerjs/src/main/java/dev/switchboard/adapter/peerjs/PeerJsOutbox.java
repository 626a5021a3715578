package dev.switchboard.adapter.peerjs;

import dev.switchboard.ports.model.PeerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes one socket's frames, safe from any thread: frames sent from one thread go out in that order, and
 * {@link #send} only queues them until {@link #flush}, so a round's frames leave in one write. A close waits for
 * what was sent before it and cuts the connection if the client does not answer it within a grace.
 */
final class PeerJsOutbox {
    /** How long a client has to answer our close frame before the connection is cut. */
    static final long CLOSE_GRACE_SECONDS = 5;

    private final Channel channel;
    private final AtomicBoolean closeSent = new AtomicBoolean();

    PeerJsOutbox(Channel channel) {
        this.channel = channel;
    }

    /** Queues a text frame, unless the socket is closing. */
    void send(String frame) {
        if (!closeSent.get()) {
            channel.write(text(frame), channel.voidPromise());
        }
    }

    /** Queues a relayed message, encoded straight into a pooled buffer, unless the socket is closing. */
    void send(PeerMessage message) {
        if (!closeSent.get()) {
            channel.write(relayed(message), channel.voidPromise());
        }
    }

    /** Queues a relayed message and tells {@code written} once it is on the wire (on the network thread). */
    void send(PeerMessage message, ChannelFutureListener written) {
        if (!closeSent.get()) {
            ChannelPromise promise = channel.newPromise();
            promise.addListener(written);
            channel.write(relayed(message), promise);
        }
    }

    /** Writes what is queued. */
    void flush() {
        channel.flush();
    }

    void ping() {
        if (!closeSent.get()) {
            channel.writeAndFlush(new PingWebSocketFrame(), channel.voidPromise());
        }
    }

    /** Sends {@code frame} even while the socket is about to close, then the close frame after it. */
    void sendThenClose(String frame, int code, String reason) {
        if (!closeSent.get()) {
            channel.write(text(frame), channel.voidPromise());
        }
        close(code, reason);
    }

    /** Sends a close frame after whatever was sent before; the connection ends when the client answers. */
    void close(int code, String reason) {
        if (closeSent.compareAndSet(false, true) && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } else {
            channel.flush();
        }
    }

    /**
     * The client sent its close frame: answered with the same code unless ours went first, then the connection
     * ends.
     */
    void closeReceived(int code) {
        if (closeSent.compareAndSet(false, true) && channel.isActive()) {
            CloseWebSocketFrame answer = code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
            channel.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    boolean closeSent() {
        return closeSent.get();
    }

    private TextWebSocketFrame relayed(PeerMessage message) {
        ByteBuf frame = channel.alloc().buffer(PeerJsFrames.maxRelayedBytes(message));
        PeerJsFrames.writeRelayed(message, frame);
        return new TextWebSocketFrame(frame);
    }

    private TextWebSocketFrame text(String frame) {
        return new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), frame));
    }
}
