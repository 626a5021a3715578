package dev.switchboard.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * One client socket of the scaling benchmark. Unlike {@link BenchSocket} it stamps every signal's {@code ref} too,
 * so that the sender's {@code sent} answer (the signal stored and committed on the sender's instance) is timed as
 * well as the arrival on the receiver's; it acknowledges every {@code ackEvery} signals at once (a real client
 * acknowledges what it has processed, promptly), and it reports answers to offers pushed as {@code offer-event}.
 * Frames are built in place and read with a scan for the few fields needed, not a JSON tree, to keep the generator
 * cheap.
 */
final class ScalingSocket extends AckingSocket {
    private static final byte[] SENT = "{\"type\":\"sent\"".getBytes(US_ASCII);
    private static final byte[] SIGNAL = "{\"type\":\"signal\"".getBytes(US_ASCII);
    private static final byte[] OFFER_EVENT = "{\"type\":\"offer-event\"".getBytes(US_ASCII);
    private static final byte[] ERROR = "{\"type\":\"error\"".getBytes(US_ASCII);
    private static final byte[] SEND_TIME = "\"payload\":{\"t\":".getBytes(US_ASCII);
    private static final byte[] REF = "\"ref\":\"".getBytes(US_ASCII);
    private static final byte[] ANSWER_TIME = "\"sdp\":\"bench t=".getBytes(US_ASCII);
    private static final byte[] REF_END = "\",\"payload\":{\"t\":".getBytes(US_ASCII);
    private static final byte[] SIGNAL_END = "}}".getBytes(US_ASCII);

    private final Arrivals arrivals;
    private byte[] signalPrefix;

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
        super(ackEvery);
        this.arrivals = arrivals;
    }

    /** Where this socket's signals go. */
    void target(String sessionId, String peerMemberId) {
        signalPrefix = ("{\"type\":\"signal\",\"sessionId\":\"" + sessionId + "\",\"to\":\"" + peerMemberId
                + "\",\"signalType\":\"app:bench\",\"ref\":\"").getBytes(US_ASCII);
    }

    /** Sends one signal stamped with {@code sendNanos} in its {@code ref} and its payload; from any thread. */
    void sendSignal(long sendNanos) {
        if (!onDriverThread()) {
            handOver(() -> sendSignal(sendNanos));
            return;
        }
        sendText(message().put(signalPrefix).decimal(sendNanos).put(REF_END).decimal(sendNanos).put(SIGNAL_END));
    }

    @Override
    void text(TextFrame frame) {
        if (frame.startsWith(SENT)) {
            int refAt = frame.indexOf(REF);
            if (refAt >= 0) {
                arrivals.stored(frame.readLong(refAt + REF.length));
            }
        } else if (frame.startsWith(OFFER_EVENT)) {
            int timeAt = frame.indexOf(ANSWER_TIME);
            if (timeAt >= 0) {
                arrivals.answer(frame.readLong(timeAt + ANSWER_TIME.length));
            }
        } else if (frame.startsWith(ERROR)) {
            arrivals.failed(frame.toString());
        } else {
            if (frame.startsWith(SIGNAL)) {
                int timeAt = frame.indexOf(SEND_TIME);
                if (timeAt >= 0) {
                    arrivals.signal(frame.readLong(timeAt + SEND_TIME.length));
                }
            }
            int sequenceAt = frame.indexOf(SEQUENCE);
            if (sequenceAt >= 0) {
                received(frame.readLong(sequenceAt + SEQUENCE.length)); // signals and membership news
            }
        }
    }

    @Override
    void failed(String what) {
        arrivals.failed(what);
    }

    @Override
    void closedByServer(int status, String reason) {
        arrivals.closed(status, reason);
    }
}
