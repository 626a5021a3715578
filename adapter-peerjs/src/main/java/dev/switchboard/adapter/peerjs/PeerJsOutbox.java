package dev.switchboard.adapter.peerjs;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * Writes one socket's frames. Frames are handed to Undertow in the order they are sent (the socket's rounds
 * send one at a time); a close waits for what was sent before it and cuts the connection if the client does
 * not answer it within a grace.
 */
final class PeerJsOutbox {
    /** How long a client has to answer our close frame before the connection is cut. */
    static final long CLOSE_GRACE_SECONDS = 5;
    static final WebSocketCallback<Void> CLOSE_ON_FAILURE = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel channel, Void context) {}

        @Override
        public void onError(WebSocketChannel channel, Void context, Throwable failure) {
            IoUtils.safeClose(channel);
        }
    };

    private final WebSocketChannel channel;

    PeerJsOutbox(WebSocketChannel channel) {
        this.channel = channel;
    }

    /** Sends a text frame, unless the socket is closing; safe from any thread. */
    void send(String frame) {
        send(frame, CLOSE_ON_FAILURE);
    }

    /** Sends a text frame and tells {@code written} once it is on the wire (on the IO thread). */
    void send(String frame, WebSocketCallback<Void> written) {
        if (channel.isOpen() && !channel.isCloseFrameSent()) {
            WebSockets.sendText(frame, channel, written);
        }
    }

    /** Sends {@code frame} even while the socket is about to close, then the close frame after it. */
    void sendThenClose(String frame, int code, String reason) {
        onIoThread(() -> send(frame));
        close(code, reason);
    }

    /** Sends a close frame after whatever was sent before; the connection ends when the client answers. */
    void close(int code, String reason) {
        onIoThread(() -> {
            if (channel.isOpen() && !channel.isCloseFrameSent()) {
                WebSockets.sendClose(code, reason, channel, CLOSE_ON_FAILURE);
                try {
                    channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), CLOSE_GRACE_SECONDS,
                            TimeUnit.SECONDS);
                } catch (RejectedExecutionException stopping) {
                    IoUtils.safeClose(channel);
                }
            }
        });
    }

    /** The IO thread runs tasks in the order given; once it has stopped, there is nobody left to write to. */
    private void onIoThread(Runnable task) {
        try {
            channel.getIoThread().execute(task);
        } catch (RejectedExecutionException stopped) {
            IoUtils.safeClose(channel);
        }
    }
}
