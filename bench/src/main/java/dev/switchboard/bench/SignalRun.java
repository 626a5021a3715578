package dev.switchboard.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open-loop run of pairing signals: a pacer offers {@code rate} signals per second in total, round-robin over
 * the pairs' senders, each over its socket; each receiver acknowledges what it got. Latency is measured from the
 * intended send time to the arrival at the receiver, and to the {@code sent} answer at the sender.
 */
final class SignalRun {
    /** How long a run's backlog may take to drain before the next run starts anyway. */
    static final Duration DRAIN_PATIENCE = Duration.ofSeconds(120);

    private SignalRun() {}

    static RunResult run(String placement, List<ScalingFleet.Pair> pairs, int rate, Measurement.Current sockets,
            CpuSample.Sources cpu, Duration warmup, Duration measured) throws InterruptedException {
        Measurement measurement = sockets.start();
        AtomicLong sent = new AtomicLong();
        Pacer pacer = Pacer.start(rate, (i, intended) -> {
            pairs.get((int) (i % pairs.size())).sender().sendSignal(intended);
            sent.incrementAndGet();
        });
        Measurement.Window window = measurement.measure(pacer, cpu, warmup, measured);
        System.out.printf("-- signals %s, %d/s offered:%n", placement, rate);
        Backlog.awaitDrained(sent::get, measurement.delivered::received, DRAIN_PATIENCE);
        return window.result("signals", placement, rate, measurement.delivered.failures(),
                measurement.delivered.closes());
    }
}
