package dev.switchboard.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * What the pairing benchmarks' client sockets share: whatever the server pushed with a {@code "sequence":} is
 * acknowledged in batches, every {@code ackEvery} messages and on {@link #flushAck()}; with {@code ackEvery} 0, once
 * per burst (the messages one read brought), as the JavaScript client acknowledges once its queue is empty. Frames are handled on the
 * driver thread; the methods meant for other threads say so and hand themselves over to it.
 */
abstract class AckingSocket extends WebSocketConnection {
    static final byte[] SEQUENCE = "\"sequence\":".getBytes(US_ASCII);
    private static final byte[] ACK = "{\"type\":\"ack\",\"upTo\":".getBytes(US_ASCII);
    private static final byte[] ACK_END = "}".getBytes(US_ASCII);

    private final int ackEvery;
    private long lastSequence;
    private long lastAcked;
    private int unacked;

    AckingSocket(int ackEvery) {
        this.ackEvery = ackEvery;
    }

    /** Acknowledges everything received so far, if anything is unacknowledged; from any thread. */
    final void flushAck() {
        if (!onDriverThread()) {
            handOver(this::flushAck);
            return;
        }
        if (lastSequence == lastAcked) {
            return;
        }
        lastAcked = lastSequence;
        unacked = 0;
        sendText(message().put(ACK).decimal(lastAcked).put(ACK_END));
    }

    /** Counts a message with {@code sequence} as received, acknowledging the batch once it is full. */
    final void received(long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
        if (++unacked >= ackEvery && ackEvery > 0) {
            flushAck();
        }
    }

    @Override
    final void readPassDone() {
        if (ackEvery == 0 && unacked > 0) {
            flushAck();
        }
    }
}
