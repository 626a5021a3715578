package dev.switchboard.bench;

import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One benchmark client's WebSocket: sends signal frames to its peer through a queue (the JDK client allows
 * one outstanding send per socket), reads pushed frames with a scan for the few fields it needs rather than
 * a JSON tree, and acknowledges in batches: every {@code ackEvery} messages, and on {@link #flushAck()}.
 */
final class BenchSocket implements WebSocket.Listener {
    private static final String SIGNAL_PREFIX = "{\"type\":\"signal\"";
    private static final String SEQUENCE = "\"sequence\":";
    private static final String SEND_TIME = "\"payload\":{\"t\":";

    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private final Receiver receiver;
    private final Stats stats;
    private final int ackEvery;
    private volatile WebSocket socket;
    private BenchSocket peer;
    private String signalPrefix;
    private long lastSequence;
    private long lastAcked;
    private int unacked;
    private long sent;

    /** What a client does with a signal that reached it: {@code sendNanos} is the time embedded by the sender. */
    interface Receiver {
        void received(BenchSocket socket, long sendNanos);
    }

    BenchSocket(Receiver receiver, Stats stats, int ackEvery) {
        this.receiver = receiver;
        this.stats = stats;
        this.ackEvery = ackEvery;
    }

    /** Where this socket's signals go: a session and the peer's member id. */
    void target(String sessionId, String peerMemberId) {
        signalPrefix = "{\"type\":\"signal\",\"sessionId\":\"" + sessionId + "\",\"to\":\"" + peerMemberId
                + "\",\"signalType\":\"app:bench\",\"payload\":{\"t\":";
    }

    /** The socket at the other end of this client's session. */
    void pairWith(BenchSocket other) {
        peer = other;
    }

    BenchSocket peer() {
        return peer;
    }

    /** Queues one signal carrying {@code sendNanos}, the time its latency is measured from. */
    void sendSignal(long sendNanos) {
        long n;
        synchronized (this) {
            n = ++sent;
        }
        enqueue(signalPrefix + sendNanos + ",\"n\":" + n + "}}");
    }

    /** Acknowledges everything received so far, if anything is unacknowledged. */
    void flushAck() {
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

    CompletableFuture<Void> close() {
        WebSocket open = socket;
        return open == null ? CompletableFuture.completedFuture(null)
                : open.sendClose(WebSocket.NORMAL_CLOSURE, "done").handle((w, e) -> null);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
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
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (statusCode != WebSocket.NORMAL_CLOSURE) {
            stats.closed(statusCode, reason); // 1000 is the server answering our own close
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        stats.failed(error.toString());
    }

    private void handle(String frame) {
        int sequenceAt = frame.indexOf(SEQUENCE);
        if (sequenceAt < 0) {
            if (frame.startsWith("{\"type\":\"error\"")) {
                stats.failed(frame);
            }
            return; // welcome and sent frames: nothing to acknowledge
        }
        long sequence = readLong(frame, sequenceAt + SEQUENCE.length());
        if (frame.startsWith(SIGNAL_PREFIX)) {
            int timeAt = frame.indexOf(SEND_TIME, sequenceAt);
            if (timeAt > 0) {
                receiver.received(this, readLong(frame, timeAt + SEND_TIME.length()));
            }
        }
        boolean ackNow;
        synchronized (this) {
            lastSequence = Math.max(lastSequence, sequence);
            ackNow = ++unacked >= ackEvery;
        }
        if (ackNow) {
            flushAck();
        }
    }

    private static long readLong(CharSequence text, int from) {
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

    private void enqueue(String frame) {
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
                        stats.failed(e.toString());
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
