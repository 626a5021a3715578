package dev.switchboard.bench;

/**
 * One benchmark client's WebSocket: sends signal frames to its peer and reads pushed frames with a scan for the
 * few fields it needs rather than a JSON tree; queueing and batched acknowledgement: {@link AckingSocket}.
 */
final class BenchSocket extends AckingSocket {
    private static final String SIGNAL_PREFIX = "{\"type\":\"signal\"";
    private static final String SEND_TIME = "\"payload\":{\"t\":";

    private final Receiver receiver;
    private final Stats stats;
    private BenchSocket peer;
    private String signalPrefix;
    private long sent;

    /** What a client does with a signal that reached it: {@code sendNanos} is the time embedded by the sender. */
    interface Receiver {
        void received(BenchSocket socket, long sendNanos);
    }

    BenchSocket(Receiver receiver, Stats stats, int ackEvery) {
        super(ackEvery);
        this.receiver = receiver;
        this.stats = stats;
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

    @Override
    void handle(String frame) {
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
        received(sequence);
    }

    @Override
    void failed(String what) {
        stats.failed(what);
    }

    @Override
    void closed(int status, String reason) {
        stats.closed(status, reason);
    }
}
