package dev.switchboard.app;

import dev.switchboard.ports.driving.SweepExpired;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SweepExpired} at a fixed delay on one daemon thread. A failed sweep is logged and the next
 * one runs as planned: a store that is briefly unavailable must not stop expiry for good.
 */
final class ExpirySweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final SweepExpired sweeper;
    private final ScheduledExecutorService scheduler;

    private ExpirySweeper(SweepExpired sweeper, ScheduledExecutorService scheduler) {
        this.sweeper = sweeper;
        this.scheduler = scheduler;
    }

    /** Starts sweeping every {@code interval}, the first time one interval from now. */
    static ExpirySweeper start(SweepExpired sweeper, Duration interval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        ExpirySweeper running = new ExpirySweeper(sweeper, scheduler);
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(running::sweepOnce, millis, millis, TimeUnit.MILLISECONDS);
        return running;
    }

    private void sweepOnce() {
        try {
            SweepExpired.Swept swept = sweeper.sweep();
            log.debug("Swept {} offers, {} nonces, {} sessions, {} counters, {} devices; timed out {} members; purged {} "
                    + "expired transfers, forgot {}", swept.offers(), swept.nonces(), swept.sessions(),
                    swept.counters(), swept.devices(), swept.timedOutMembers(), swept.expiredTransfers(),
                    swept.forgottenTransfers());
            if (swept.expiredTransfers() > 0) {
                // Worth an operator's eye: each is a transfer whose receiver never took all its chunks.
                log.info("Deleted the chunks of {} transfer(s) that expired unfinished", swept.expiredTransfers());
            }
        } catch (RuntimeException e) {
            // Caught so the schedule survives: an exception would cancel every later run.
            log.warn("Sweeping expired records failed; retrying at the next interval", e);
        }
    }

    /** Cancels later sweeps and waits briefly for one in progress, which is left to finish, not interrupted. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("A sweep was still running after 5 s; leaving it to finish on its own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
