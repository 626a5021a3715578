package dev.switchboard.bench;

import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client socket of the scaling benchmark. Unlike {@link BenchSocket} it stamps every signal's {@code ref} too,
 * so that the sender's {@code sent} answer (the signal stored and committed on the sender's instance) is timed as
 * well as the arrival on the receiver's; it acknowledges every {@code ackEvery} signals at once (a real client
 * acknowledges what it has processed, promptly), and it reports answers to offers pushed as {@code offer-event}.
 * Frames are read with a scan for the few fields needed, not a JSON tree, to keep the generator cheap.
 */
final class ScalingSocket implements WebSocket.Listener {
    private static final String SEQUENCE = "\"sequence\":";
    private static final String SEND_TIME = "\"payload\":{\"t\":";
    private static final String REF = "\"ref\":\"";
    private static final String ANSWER_TIME = "\"sdp\":\"bench t=";

    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private final Arrivals arrivals;
    private final int ackEvery;
    private volatile WebSocket socket;
    private String signalPrefix;
    private long lastSequence;
    private long lastAcked;
    private int unacked;

    /** What the socket saw; each time is the {@code System.nanoTime()} the sender stamped (one machine, one clock). */
    interface Arrivals {
        /** A signal arrived, sent at {@code sendNanos}. */
        void signal(long sendNanos);

        /** The server answered {@code sent} to a signal sent at {@code sendNanos}. */
        void stored(long sendNanos);

        /** An answer to one of this socket's offers arrived, posted at {@code sendNanos}. */
        void answer(long sendNanos);

        void failed(String what);

        void closed(int status, String reason);
    }

    ScalingSocket(Arrivals arrivals, int ackEvery) {
        this.arrivals = arrivals;
        this.ackEvery = ackEvery;
    }

    /** Where this socket's signals go. */
    void target(String sessionId, String peerMemberId) {
        signalPrefix = "{\"type\":\"signal\",\"sessionId\":\"" + sessionId + "\",\"to\":\"" + peerMemberId
                + "\",\"signalType\":\"app:bench\",\"ref\":\"";
    }

    /** Queues one signal stamped with {@code sendNanos} in its {@code ref} and its payload. */
    void sendSignal(long sendNanos) {
        enqueue(signalPrefix + sendNanos + "\",\"payload\":{\"t\":" + sendNanos + "}}");
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
            arrivals.closed(statusCode, reason); // 1000 is the server answering our own close
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        arrivals.failed(error.toString());
    }

    private void handle(String frame) {
        if (frame.startsWith("{\"type\":\"sent\"")) {
            int refAt = frame.indexOf(REF);
            if (refAt > 0) {
                arrivals.stored(readLong(frame, refAt + REF.length()));
            }
        } else if (frame.startsWith("{\"type\":\"signal\"")) {
            int timeAt = frame.indexOf(SEND_TIME);
            if (timeAt > 0) {
                arrivals.signal(readLong(frame, timeAt + SEND_TIME.length()));
            }
            received(readLong(frame, frame.indexOf(SEQUENCE) + SEQUENCE.length()));
        } else if (frame.startsWith("{\"type\":\"offer-event\"")) {
            int timeAt = frame.indexOf(ANSWER_TIME);
            if (timeAt > 0) {
                arrivals.answer(readLong(frame, timeAt + ANSWER_TIME.length()));
            }
        } else if (frame.startsWith("{\"type\":\"error\"")) {
            arrivals.failed(frame);
        } else if (frame.indexOf(SEQUENCE) > 0) {
            received(readLong(frame, frame.indexOf(SEQUENCE) + SEQUENCE.length())); // membership news
        }
    }

    private void received(long sequence) {
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

    /** Sends queued frames one at a time (the JDK client allows one outstanding send per socket), like BenchSocket. */
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
                        arrivals.failed(e.toString());
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
