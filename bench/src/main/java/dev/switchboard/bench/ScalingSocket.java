package dev.switchboard.bench;

/**
 * One client socket of the scaling benchmark. Unlike {@link BenchSocket} it stamps every signal's {@code ref} too,
 * so that the sender's {@code sent} answer (the signal stored and committed on the sender's instance) is timed as
 * well as the arrival on the receiver's; it acknowledges every {@code ackEvery} signals at once (a real client
 * acknowledges what it has processed, promptly), and it reports answers to offers pushed as {@code offer-event}.
 * Frames are read with a scan for the few fields needed, not a JSON tree, to keep the generator cheap.
 */
final class ScalingSocket extends AckingSocket {
    private static final String SEND_TIME = "\"payload\":{\"t\":";
    private static final String REF = "\"ref\":\"";
    private static final String ANSWER_TIME = "\"sdp\":\"bench t=";

    private final Arrivals arrivals;
    private String signalPrefix;

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
        signalPrefix = "{\"type\":\"signal\",\"sessionId\":\"" + sessionId + "\",\"to\":\"" + peerMemberId
                + "\",\"signalType\":\"app:bench\",\"ref\":\"";
    }

    /** Queues one signal stamped with {@code sendNanos} in its {@code ref} and its payload. */
    void sendSignal(long sendNanos) {
        enqueue(signalPrefix + sendNanos + "\",\"payload\":{\"t\":" + sendNanos + "}}");
    }

    @Override
    void handle(String frame) {
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

    @Override
    void failed(String what) {
        arrivals.failed(what);
    }

    @Override
    void closed(int status, String reason) {
        arrivals.closed(status, reason);
    }
}
