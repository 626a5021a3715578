package dev.switchboard.adapter.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes frames to one socket, in the order they are handed over, on the socket's event loop. A batch crosses
 * to the event loop as one task and is flushed once, so frames that are ready together leave in as few writes
 * as the socket allows, and the worker that built them hands over once per batch rather than per frame. Once
 * a close frame has gone, nothing more is written.
 */
final class Outbox {
    /** How long a client has to answer our close frame before the connection is cut. */
    static final long CLOSE_GRACE_SECONDS = 5;

    private final Channel channel;
    private final HttpMetrics metrics;
    // Confined to the event loop.
    private boolean closeSent;

    Outbox(Channel channel, HttpMetrics metrics) {
        this.channel = channel;
        this.metrics = metrics;
    }

    /** Sends UTF-8 JSON text frames; safe from any thread, and written at once on the event loop itself. */
    void send(List<ByteBuffer> frames) {
        if (frames.isEmpty()) {
            return;
        }
        metrics.framesOut(frames.size());
        if (channel.eventLoop().inEventLoop()) {
            write(frames);
        } else {
            onEventLoop(() -> write(frames));
        }
    }

    /** Sends a close frame after whatever was handed over before, then cuts the connection if the client stays. */
    void close(SocketClose cause) {
        onEventLoop(() -> {
            if (sendClose(cause)) {
                cutAfterGrace();
            }
        });
    }

    /**
     * Fails the connection (event loop): a close frame, then the end of the connection as soon as it is
     * written, with no wait for an answer that could no longer be read.
     */
    void fail(int code, String reason) {
        if (!closeSent && channel.isActive()) {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /**
     * The client sent its close frame (event loop): answered with the same code and reason unless ours went
     * first, and the connection ends at once, as RFC 6455 asks of a server.
     */
    void closeReceived(CloseWebSocketFrame close) {
        if (!closeSent && channel.isActive()) {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(true, 0, close.content().retain()))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** Pings the client (event loop), unless the socket is closing. */
    void ping() {
        if (!closeSent && channel.isActive()) {
            channel.writeAndFlush(new PingWebSocketFrame(), channel.voidPromise());
        }
    }

    /** Answers a ping with its payload (event loop). */
    void pong(ByteBuf payload) {
        if (!closeSent && channel.isActive()) {
            channel.writeAndFlush(new PongWebSocketFrame(payload.retain()), channel.voidPromise());
        }
    }

    private boolean sendClose(SocketClose cause) {
        if (closeSent || !channel.isActive()) {
            return false;
        }
        closeSent = true;
        channel.writeAndFlush(new CloseWebSocketFrame(cause.code(), cause.reason()))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        return true;
    }

    /**
     * The timer goes with the connection, so a socket that closes in time holds nothing for the grace. A
     * stopping event loop takes no more timers; it is about to close the socket anyway, so close it now.
     */
    private void cutAfterGrace() {
        try {
            ScheduledFuture<?> cut = channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS,
                    TimeUnit.SECONDS);
            channel.closeFuture().addListener(closed -> cut.cancel(false));
        } catch (RejectedExecutionException stopping) {
            channel.close();
        }
    }

    /** The event loop runs tasks in the order given; once it has stopped, there is nobody left to write to. */
    private void onEventLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException stopping) {
            channel.close();
        }
    }

    private void write(List<ByteBuffer> frames) {
        if (closeSent || !channel.isActive()) {
            return;
        }
        // A failed write fires exceptionCaught, and InboundFrames closes the connection.
        for (ByteBuffer frame : frames) {
            channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame)), channel.voidPromise());
        }
        channel.flush();
    }
}
