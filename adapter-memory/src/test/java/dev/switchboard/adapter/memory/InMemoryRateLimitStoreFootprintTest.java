package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Full buckets leave nothing behind in memory once swept. */
class InMemoryRateLimitStoreFootprintTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final InMemoryRateLimitStore store = new InMemoryRateLimitStore();

    @Test
    void holdsNoBucketOnceEveryBucketIsFullAgain() {
        IntStream.range(0, 1000).forEach(i -> store.take("client-" + i, INTERVAL, 10, NOW));
        IntStream.range(0, 10).forEach(i -> store.take("busy", INTERVAL, 10, NOW));

        store.deleteFull(NOW.plus(INTERVAL.multipliedBy(10)));

        assertThat(store.size()).isZero();
    }

    @Test
    void holdsOnlyTheBucketsStillRefilling() {
        store.take("refilled", INTERVAL, 10, NOW);
        store.take("refilling", INTERVAL, 10, NOW);
        store.take("refilling", INTERVAL, 10, NOW);

        store.deleteFull(NOW.plus(INTERVAL));

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void holdsNothingForARefusedRequestOnAnUnknownKey() {
        store.take("no-burst", INTERVAL, 0, NOW);

        assertThat(store.size()).isZero();
    }
}
