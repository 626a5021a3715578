package dev.switchboard.app;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ports.driving.SweepExpired;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpirySweeperTest {
    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final AtomicInteger sweeps = new AtomicInteger();

    @Test
    void sweepsAgainAndAgainAtTheInterval() {
        ExpirySweeper sweeper = ExpirySweeper.start(countingSweeps(), INTERVAL);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> sweeps.get() >= 3);
        } finally {
            sweeper.close();
        }
    }

    @Test
    void keepsSweepingAfterASweepFails() {
        SweepExpired failingFirst = () -> {
            if (sweeps.incrementAndGet() == 1) {
                throw new IllegalStateException("store briefly unavailable");
            }
            return new SweepExpired.Swept(0, 0, 0, 0, 0);
        };

        ExpirySweeper sweeper = ExpirySweeper.start(failingFirst, INTERVAL);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> sweeps.get() >= 3);
        } finally {
            sweeper.close();
        }
    }

    @Test
    void countsWhatEachSweepDeletedByKindAndEachFailedSweep() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SweepExpired failingFirst = () -> {
            if (sweeps.incrementAndGet() == 1) {
                throw new IllegalStateException("store briefly unavailable");
            }
            return new SweepExpired.Swept(3, 5, 0, 0, 0, 0, 0, 0, 7, 2);
        };

        ExpirySweeper sweeper = ExpirySweeper.start(failingFirst, INTERVAL, registry);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> sweeps.get() >= 3);
        } finally {
            sweeper.close();
        }

        double successfulSweeps = sweeps.get() - 1;
        assertThat(registry.get(ExpirySweeper.FAILURES).counter().count()).isEqualTo(1);
        assertThat(deleted(registry, "offers")).isEqualTo(3 * successfulSweeps);
        assertThat(deleted(registry, "nonces")).isEqualTo(5 * successfulSweeps);
        assertThat(deleted(registry, "rate_limit_buckets")).isEqualTo(7 * successfulSweeps);
        assertThat(deleted(registry, "credentials")).isEqualTo(2 * successfulSweeps);
        assertThat(deleted(registry, "sessions")).isZero();
    }

    @Test
    void namesEveryKindOfTheSweptRecord() {
        assertThat(ExpirySweeper.deletedByKind(new SweepExpired.Swept(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))
                .containsExactly(
                        entry("offers", 1), entry("nonces", 2),
                        entry("sessions", 3), entry("timed_out_members", 4),
                        entry("counters", 5), entry("expired_transfers", 6),
                        entry("forgotten_transfers", 7), entry("devices", 8),
                        entry("rate_limit_buckets", 9), entry("credentials", 10),
                        entry("expired_peer_messages", 11), entry("stale_peers", 12));
    }

    private static double deleted(SimpleMeterRegistry registry, String kind) {
        return registry.get(ExpirySweeper.DELETED).tag("kind", kind).counter().count();
    }

    @Test
    void stopsSweepingWhenClosed() {
        ExpirySweeper sweeper = ExpirySweeper.start(countingSweeps(), INTERVAL);
        await().atMost(Duration.ofSeconds(5)).until(() -> sweeps.get() >= 1);

        sweeper.close();
        int afterClose = sweeps.get();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> sweeps.get() == afterClose);
    }

    @Test
    void waitsOneIntervalBeforeTheFirstSweep() {
        ExpirySweeper sweeper = ExpirySweeper.start(countingSweeps(), Duration.ofHours(1));
        try {
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> sweeps.get() == 0);
        } finally {
            sweeper.close();
        }
        assertThat(sweeps).hasValue(0);
    }

    private SweepExpired countingSweeps() {
        return () -> {
            sweeps.incrementAndGet();
            return new SweepExpired.Swept(1, 2, 0, 0, 0);
        };
    }
}
