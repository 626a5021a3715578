package dev.switchboard.app;

import dev.switchboard.ports.driving.ExpirePeerMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
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
    private final Counter expired;
    private final RepeatingTask schedule;

    /** Schedules last, when every field the task reads is set; its first run is one interval away. */
    private PeerMessageExpirer(ExpirePeerMessages expiry, Duration interval, MeterRegistry registry) {
        this.expiry = expiry;
        this.expired = Counter.builder(EXPIRED)
                .description("PeerJS messages dropped unread after the expire timeout (their senders got EXPIRE)")
                .register(registry);
        this.schedule = RepeatingTask.start("peerjs-expiry", interval, this::expireOnce, registry, FAILURES,
                "Runs of the PeerJS message expiry that failed (the next one runs as planned)");
    }

    /** Starts expiring every {@code interval}, the first time one interval from now. */
    static PeerMessageExpirer start(ExpirePeerMessages expiry, Duration interval, MeterRegistry registry) {
        return new PeerMessageExpirer(expiry, interval, registry);
    }

    private void expireOnce() {
        int count = expiry.expire();
        expired.increment(count);
        if (count > 0) {
            log.debug("Expired {} PeerJS message(s) whose recipients never connected", count);
        }
    }

    /** Cancels later runs and waits briefly for one in progress. */
    @Override
    public void close() {
        schedule.close();
    }
}
