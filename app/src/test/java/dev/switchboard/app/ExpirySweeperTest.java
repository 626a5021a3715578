package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ports.driving.SweepExpired;
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
