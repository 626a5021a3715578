package dev.switchboard.app;

import dev.switchboard.ports.driving.ExpirePeerMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ExpirePeerMessages} at a fixed delay on one daemon thread, as the {@code peer} server's
 * {@code cleanup_out_msgs} does every second: PeerJS messages nobody came for within the expire timeout are
 * dropped and their senders get {@code EXPIRE}. Counts them as {@code switchboard.peerjs.expired}; a failed run is
 * logged, counted as {@code switchboard.peerjs.expiry.failures}, and the next one runs as planned. Separate from
 * the {@link ExpirySweeper}, whose interval (30 s) is far longer than an expire timeout (5 s).
 */
final class PeerMessageExpirer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeerMessageExpirer.class);

    static final String EXPIRED = "switchboard.peerjs.expired";
    static final String FAILURES = "switchboard.peerjs.expiry.failures";

    private final ExpirePeerMessages expiry;
    private final ScheduledExecutorService scheduler;
    private final Counter expired;
    private final Counter failures;

    private PeerMessageExpirer(ExpirePeerMessages expiry, ScheduledExecutorService scheduler, MeterRegistry registry) {
        this.expiry = expiry;
        this.scheduler = scheduler;
        this.expired = Counter.builder(EXPIRED)
                .description("PeerJS messages dropped unread after the expire timeout (their senders got EXPIRE)")
                .register(registry);
        this.failures = Counter.builder(FAILURES)
                .description("Runs of the PeerJS message expiry that failed (the next one runs as planned)")
                .register(registry);
    }

    /** Starts expiring every {@code interval}, the first time one interval from now. */
    static PeerMessageExpirer start(ExpirePeerMessages expiry, Duration interval, MeterRegistry registry) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-peerjs-expiry");
            thread.setDaemon(true);
            return thread;
        });
        PeerMessageExpirer running = new PeerMessageExpirer(expiry, scheduler, registry);
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(running::expireOnce, millis, millis, TimeUnit.MILLISECONDS);
        return running;
    }

    private void expireOnce() {
        try {
            int count = expiry.expire();
            expired.increment(count);
            if (count > 0) {
                log.debug("Expired {} PeerJS message(s) whose recipients never connected", count);
            }
        } catch (RuntimeException e) {
            // Caught so the schedule survives: an exception would cancel every later run.
            failures.increment();
            log.warn("Expiring PeerJS messages failed; retrying at the next interval", e);
        }
    }

    /** Cancels later runs and waits briefly for one in progress. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("A PeerJS expiry run was still going after 5 s; leaving it to finish on its own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
