package dev.switchboard.adapter.http;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * Writes frames to one socket, in the order they are handed over, from the socket's IO thread. A batch is
 * queued whole and flushed once, so frames that are ready together leave in as few writes as the socket
 * allows, and the worker that built them crosses to the IO thread once per batch rather than per frame.
 */
final class Outbox {
    /** How long a client has to answer our close frame before the connection is cut. */
    static final long CLOSE_GRACE_SECONDS = 5;
    private static final WebSocketCallback<Void> CLOSE_ON_FAILURE = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel channel, Void context) {}

        @Override
        public void onError(WebSocketChannel channel, Void context, Throwable failure) {
            IoUtils.safeClose(channel);
        }
    };

    private final WebSocketChannel channel;
    private final HttpMetrics metrics;

    Outbox(WebSocketChannel channel, HttpMetrics metrics) {
        this.channel = channel;
        this.metrics = metrics;
    }

    /** Sends UTF-8 JSON text frames; safe from any thread. */
    void send(List<ByteBuffer> frames) {
        if (!frames.isEmpty()) {
            metrics.framesOut(frames.size());
            onIoThread(() -> write(frames));
        }
    }

    /** Sends a close frame after whatever was handed over before, then cuts the connection if the client stays. */
    void close(SocketClose cause) {
        onIoThread(() -> {
            if (channel.isOpen() && !channel.isCloseFrameSent()) {
                WebSockets.sendClose(cause.code(), cause.reason(), channel, CLOSE_ON_FAILURE);
                cutAfterGrace();
            }
        });
    }

    /** A stopping IO thread takes no more timers; it is about to close the socket anyway, so close it now. */
    private void cutAfterGrace() {
        try {
            channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            IoUtils.safeClose(channel);
        }
    }

    /** The IO thread runs tasks in the order given; once it has stopped, there is nobody left to write to. */
    private void onIoThread(Runnable task) {
        try {
            channel.getIoThread().execute(task);
        } catch (RejectedExecutionException e) {
            IoUtils.safeClose(channel);
        }
    }

    private void write(List<ByteBuffer> frames) {
        if (!channel.isOpen() || channel.isCloseFrameSent()) {
            return;
        }
        // On the IO thread nothing else can queue a frame in between, so holding the flush is safe here.
        boolean batch = frames.size() > 1;
        channel.setRequireExplicitFlush(batch);
        try {
            for (ByteBuffer frame : frames) {
                WebSockets.sendText(frame, channel, CLOSE_ON_FAILURE);
            }
        } finally {
            if (batch) {
                channel.setRequireExplicitFlush(false);
                channel.flush();
            }
        }
    }
}
