package dev.switchboard.bench;

import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the benchmark clients' WebSockets share: frames are sent through a queue (the JDK client allows one
 * outstanding send per socket), reassembled whole before {@link #handle(String)} scans them, and what was received
 * is acknowledged in batches: every {@code ackEvery} messages, and on {@link #flushAck()}.
 */
abstract class AckingSocket implements WebSocket.Listener {
    static final String SEQUENCE = "\"sequence\":";

    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private final int ackEvery;
    private volatile WebSocket socket;
    private long lastSequence;
    private long lastAcked;
    private int unacked;

    AckingSocket(int ackEvery) {
        this.ackEvery = ackEvery;
    }

    /** One whole text frame the server pushed. */
    abstract void handle(String frame);

    abstract void failed(String what);

    /** The socket closed with a status other than 1000 (which is the server answering our own close). */
    abstract void closed(int status, String reason);

    /** Acknowledges everything received so far, if anything is unacknowledged. */
    final void flushAck() {
        long upTo;
        synchronized (this) {
            if (lastSequence == lastAcked) {
                return;
            }
            upTo = lastSequence;
            lastAcked = upTo;
            unacked = 0;
        }
        enqueue("{\"type\":\"ack\",\"upTo\":" + upTo + "}");
    }

    final CompletableFuture<Void> close() {
        WebSocket open = socket;
        return open == null ? CompletableFuture.completedFuture(null)
                : open.sendClose(WebSocket.NORMAL_CLOSURE, "done").handle((w, e) -> null);
    }

    @Override
    public final void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
        } else if (partial.length() > 0) {
            partial.append(data);
            handle(partial.toString());
            partial.setLength(0);
        } else {
            handle(data.toString());
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (statusCode != WebSocket.NORMAL_CLOSURE) {
            closed(statusCode, reason);
        }
        return null;
    }

    @Override
    public final void onError(WebSocket webSocket, Throwable error) {
        failed(error.toString());
    }

    /** Counts a message with {@code sequence} as received, acknowledging the batch once it is full. */
    final void received(long sequence) {
        boolean ackNow;
        synchronized (this) {
            lastSequence = Math.max(lastSequence, sequence);
            ackNow = ++unacked >= ackEvery;
        }
        if (ackNow) {
            flushAck();
        }
    }

    /** The decimal digits at {@code from}, a scan instead of a JSON tree to keep the generator cheap. */
    static long readLong(CharSequence text, int from) {
        long value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    final void enqueue(String frame) {
        outbox.add(frame);
        drain();
    }

    /** Sends queued frames one at a time; a send that completes at once continues the loop instead of recursing. */
    private void drain() {
        while (sending.compareAndSet(false, true)) {
            String next = outbox.poll();
            if (next == null) {
                sending.set(false);
                if (outbox.isEmpty()) {
                    return;
                }
                continue;
            }
            CompletableFuture<WebSocket> send = socket.sendText(next, true);
            if (!send.isDone()) {
                send.whenComplete((w, e) -> {
                    if (e != null) {
                        failed(e.toString());
                    }
                    sending.set(false);
                    drain();
                });
                return;
            }
            sending.set(false);
        }
    }
}
