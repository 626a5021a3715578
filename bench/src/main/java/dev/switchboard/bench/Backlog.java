package dev.switchboard.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits after a run until everything it sent has arrived, so that a backlog the servers are still working off
 * never counts against the next run, and reports how long that took: a run whose backlog takes seconds to drain
 * was offered more than the deployment carries.
 */
final class Backlog {

    private Backlog() {}

    /** Waits until {@code arrived} reaches {@code sent}, at most {@code patience}; prints and returns the wait. */
    static double awaitDrained(LongSupplier sent, LongSupplier arrived, Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        while (arrived.getAsLong() < sent.getAsLong() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double waited = (System.nanoTime() - start) / 1e9;
        long missing = sent.getAsLong() - arrived.getAsLong();
        Report.line("backlog after the pacer stopped", missing > 0
                ? "%.1f s, and %d still missing" : "drained in %.1f s", waited, missing);
        return waited;
    }
}
