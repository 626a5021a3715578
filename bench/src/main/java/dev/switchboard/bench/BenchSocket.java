package dev.switchboard.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * One pairing benchmark client's WebSocket: sends signal frames to its peer, built in place, and scans the
 * frames pushed to it for the few fields it needs; batched acknowledgement: {@link AckingSocket}.
 */
final class BenchSocket extends AckingSocket {
    private static final byte[] SIGNAL = "{\"type\":\"signal\"".getBytes(US_ASCII);
    private static final byte[] ERROR = "{\"type\":\"error\"".getBytes(US_ASCII);
    private static final byte[] SEND_TIME = "\"payload\":{\"t\":".getBytes(US_ASCII);
    private static final byte[] COUNT = ",\"n\":".getBytes(US_ASCII);
    private static final byte[] SIGNAL_END = "}}".getBytes(US_ASCII);

    private final Receiver receiver;
    private final Stats stats;
    private BenchSocket peer;
    private byte[] signalPrefix;
    private long sent;

    /** What a client does with a signal that reached it (driver thread): {@code sendNanos} is the sender's stamp. */
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
        signalPrefix = ("{\"type\":\"signal\",\"sessionId\":\"" + sessionId + "\",\"to\":\"" + peerMemberId
                + "\",\"signalType\":\"app:bench\",\"payload\":{\"t\":").getBytes(US_ASCII);
    }

    /** The socket at the other end of this client's session. */
    void pairWith(BenchSocket other) {
        peer = other;
    }

    BenchSocket peer() {
        return peer;
    }

    /**
     * Sends one signal carrying {@code sendNanos}, the time its latency is measured from; from any thread. On the
     * driver thread (a closed-loop reply) it goes straight into the socket's buffer; from another it is handed over.
     */
    void sendSignal(long sendNanos) {
        if (!onDriverThread()) {
            handOver(() -> sendSignal(sendNanos));
            return;
        }
        sendText(message().put(signalPrefix).decimal(sendNanos).put(COUNT).decimal(++sent).put(SIGNAL_END));
    }

    @Override
    void text(TextFrame frame) {
        int sequenceAt = frame.indexOf(SEQUENCE);
        if (sequenceAt < 0) {
            if (frame.startsWith(ERROR)) {
                stats.failed(frame.toString());
            }
            return; // welcome and sent frames: nothing to acknowledge
        }
        long sequence = frame.readLong(sequenceAt + SEQUENCE.length);
        if (frame.startsWith(SIGNAL)) {
            int timeAt = frame.indexOf(SEND_TIME, sequenceAt);
            if (timeAt >= 0) {
                receiver.received(this, frame.readLong(timeAt + SEND_TIME.length));
            }
        }
        received(sequence);
    }

    @Override
    void failed(String what) {
        stats.failed(what);
    }

    @Override
    void closedByServer(int status, String reason) {
        stats.closed(status, reason);
    }
}
