package dev.switchboard.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What the clients observe, shared by all of them: relayed signals, latencies, closes and failures. */
final class Stats {
    private static final int MAX_REPORTED_FAILURES = 5;

    private final Recorder latencies = new Recorder(3);
    private final Recorder fromQueued = new Recorder(3);
    private final LongAdder received = new LongAdder();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    /** Records one relayed signal that took {@code latencyNanos} from its (intended) send time. */
    void relayed(long latencyNanos) {
        received.increment();
        latencies.recordValue(Math.max(0, latencyNanos));
    }

    /**
     * Records one relayed signal that took {@code latencyNanos} from its intended send time and
     * {@code fromQueuedNanos} from when the generator queued it: the second leaves out the generator's lateness.
     */
    void relayed(long latencyNanos, long fromQueuedNanos) {
        relayed(latencyNanos);
        fromQueued.recordValue(Math.max(0, fromQueuedNanos));
    }

    long received() {
        return received.sum();
    }

    /** The latencies since the previous call; the first call after warm-up discards the warm-up's. */
    Histogram takeLatencies() {
        return latencies.getIntervalHistogram();
    }

    /** The latencies from queueing since the previous call (for signals recorded with both times). */
    Histogram takeLatenciesFromQueued() {
        return fromQueued.getIntervalHistogram();
    }

    void failed(String what) {
        if (failures.incrementAndGet() <= MAX_REPORTED_FAILURES) {
            System.err.println("client failure: " + what);
        }
    }

    void closed(int status, String reason) {
        if (closes.incrementAndGet() <= MAX_REPORTED_FAILURES) {
            System.err.println("server closed a socket: " + status + " " + reason);
        }
    }

    int failures() {
        return failures.get();
    }

    int closes() {
        return closes.get();
    }
}
