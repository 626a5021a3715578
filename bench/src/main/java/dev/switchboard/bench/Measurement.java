package dev.switchboard.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What the sockets report during one measured run, routed to that run's histograms: arrivals at receivers
 * (end to end), {@code sent} answers to senders (stored on the sender's instance), and answers pushed to offer
 * owners. The benchmark swaps in a fresh one per run, so late arrivals of one run never count in the next.
 */
final class Measurement implements ScalingSocket.Arrivals {
    final Stats delivered = new Stats();
    final Stats stored = new Stats();

    @Override
    public void signal(long sendNanos) {
        delivered.relayed(System.nanoTime() - sendNanos);
    }

    @Override
    public void stored(long sendNanos) {
        stored.relayed(System.nanoTime() - sendNanos);
    }

    @Override
    public void answer(long sendNanos) {
        delivered.relayed(System.nanoTime() - sendNanos);
    }

    @Override
    public void failed(String what) {
        delivered.failed(what);
    }

    @Override
    public void closed(int status, String reason) {
        delivered.closed(status, reason);
    }

    /**
     * Lets {@code pacer} run through {@code warmup}, then measures for {@code measured} and closes it; the caller
     * drains what is left before reading the {@link Window#result}.
     */
    Window measure(Pacer pacer, CpuSample.Sources cpu, Duration warmup, Duration measured)
            throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        delivered.takeLatencies();
        stored.takeLatencies();
        long arrivedBefore = delivered.received();
        CpuSample start = cpu.take();
        Thread.sleep(measured.toMillis());
        CpuSample end = cpu.take();
        Histogram endToEnd = delivered.takeLatencies();
        Histogram storedLatencies = stored.takeLatencies();
        long arrived = delivered.received() - arrivedBefore;
        pacer.close();
        return new Window(start, end, endToEnd, storedLatencies, arrived);
    }

    /** One measured window: the CPU samples at its ends, its latencies, and the arrivals within it. */
    record Window(CpuSample start, CpuSample end, Histogram endToEnd, Histogram stored, long arrived) {
        /** The run's result; the load average is read now, at the end of the run. */
        RunResult result(String scenario, String placement, int rate, int failures, int closes) {
            return new RunResult(scenario, placement, rate, (end.wallNanos() - start.wallNanos()) / 1e9, arrived,
                    endToEnd, stored, end.busySince(start), end.fieldsSince(start), end.commitsSince(start),
                    Load.average(), failures, closes);
        }
    }

    /** Forwards to whichever measurement is current, so sockets opened once serve every run. */
    static final class Current implements ScalingSocket.Arrivals {
        private volatile Measurement current = new Measurement();

        Measurement start() {
            Measurement fresh = new Measurement();
            current = fresh;
            return fresh;
        }

        @Override
        public void signal(long sendNanos) {
            current.signal(sendNanos);
        }

        @Override
        public void stored(long sendNanos) {
            current.stored(sendNanos);
        }

        @Override
        public void answer(long sendNanos) {
            current.answer(sendNanos);
        }

        @Override
        public void failed(String what) {
            current.failed(what);
        }

        @Override
        public void closed(int status, String reason) {
            current.closed(status, reason);
        }
    }
}
