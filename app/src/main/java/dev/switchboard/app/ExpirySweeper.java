package dev.switchboard.app;

import dev.switchboard.ports.driving.SweepExpired;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SweepExpired} at a fixed delay on one daemon thread, counting what each sweep deleted as
 * {@code switchboard.sweeper.deleted} (tagged by kind) and failed sweeps as {@code switchboard.sweeper.failures}.
 * A failed sweep is logged and the next one runs as planned: a store that is briefly unavailable must not stop
 * expiry for good. Every instance sweeps: the deletes are idempotent, so two sweeps at once only delete each
 * record once between them (see {@code docs/operations.md#sweeper}).
 */
final class ExpirySweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    static final String DELETED = "switchboard.sweeper.deleted";
    static final String FAILURES = "switchboard.sweeper.failures";

    private final SweepExpired sweeper;
    private final MeterRegistry registry;
    private final RepeatingTask schedule;

    /** Schedules last, when every field the task reads is set; its first run is one interval away. */
    private ExpirySweeper(SweepExpired sweeper, Duration interval, MeterRegistry registry) {
        this.sweeper = sweeper;
        this.registry = registry;
        this.schedule = RepeatingTask.start("sweeper", interval, this::sweepOnce, registry, FAILURES,
                "Sweeps that failed (the next one runs as planned)");
    }

    /** Starts sweeping every {@code interval}, the first time one interval from now. */
    static ExpirySweeper start(SweepExpired sweeper, Duration interval) {
        return start(sweeper, interval, new SimpleMeterRegistry());
    }

    /** Starts sweeping every {@code interval}, the first time one interval from now, counting in {@code registry}. */
    static ExpirySweeper start(SweepExpired sweeper, Duration interval, MeterRegistry registry) {
        return new ExpirySweeper(sweeper, interval, registry);
    }

    private void sweepOnce() {
        SweepExpired.Swept swept = sweeper.sweep();
        deletedByKind(swept).forEach((kind, count) -> Counter.builder(DELETED)
                .description("Expired records deleted by the sweeper of this instance")
                .tag("kind", kind).register(registry).increment(count));
        log.debug("Swept {} offers, {} nonces, {} sessions, {} counters, {} devices; timed out {} members; purged {} "
                + "expired transfers, forgot {}; deleted {} rate-limit buckets, {} credentials; expired {} PeerJS "
                + "messages, dropped {} stale PeerJS peers", swept.offers(), swept.nonces(), swept.sessions(),
                swept.counters(), swept.devices(), swept.timedOutMembers(), swept.expiredTransfers(),
                swept.forgottenTransfers(), swept.rateLimitBuckets(), swept.credentials(),
                swept.expiredPeerMessages(), swept.stalePeers());
        if (swept.expiredTransfers() > 0) {
            // Worth an operator's eye: each is a transfer whose receiver never took all its chunks.
            log.info("Deleted the chunks of {} transfer(s) that expired unfinished", swept.expiredTransfers());
        }
    }

    /** What one sweep deleted (or timed out), by the {@code kind} tag of its counter. */
    static Map<String, Integer> deletedByKind(SweepExpired.Swept swept) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        kinds.put("offers", swept.offers());
        kinds.put("nonces", swept.nonces());
        kinds.put("sessions", swept.sessions());
        kinds.put("timed_out_members", swept.timedOutMembers());
        kinds.put("counters", swept.counters());
        kinds.put("expired_transfers", swept.expiredTransfers());
        kinds.put("forgotten_transfers", swept.forgottenTransfers());
        kinds.put("devices", swept.devices());
        kinds.put("rate_limit_buckets", swept.rateLimitBuckets());
        kinds.put("credentials", swept.credentials());
        kinds.put("expired_peer_messages", swept.expiredPeerMessages());
        kinds.put("stale_peers", swept.stalePeers());
        return kinds;
    }

    /** Cancels later sweeps and waits briefly for one in progress, which is left to finish, not interrupted. */
    @Override
    public void close() {
        schedule.close();
    }
}
