package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What every {@link CounterStore} must do; an adapter's test extends this and supplies the store. */
public abstract class CounterStoreContract {
    private static final Instant WINDOW_END = NOW.plus(Duration.ofMinutes(1));

    private CounterStore store;
    private final String key = "join-failures:" + randomKeyId();

    /**
     * A new store holding no counters: {@code deleteExpired} counts every counter of the store, so a
     * database-backed adapter empties its table here.
     */
    protected abstract CounterStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @Nested
    class Counting {
        @Test
        void startsAtOneAndCountsUp() {
            assertThat(store.incrementAndGet(key, WINDOW_END)).isEqualTo(1);
            assertThat(store.incrementAndGet(key, WINDOW_END)).isEqualTo(2);
            assertThat(store.incrementAndGet(key, WINDOW_END)).isEqualTo(3);
        }

        @Test
        void keepsEveryKeyApart() {
            store.incrementAndGet(key, WINDOW_END);
            store.incrementAndGet(key, WINDOW_END);

            assertThat(store.incrementAndGet(key + ":next-window", WINDOW_END)).isEqualTo(1);
            assertThat(store.get(key, NOW)).isEqualTo(2);
        }

        @Test
        void losesNoneOfAThousandConcurrentIncrements() {
            List<Long> counts = Race.run(1000, i -> store.incrementAndGet(key, WINDOW_END));

            assertThat(counts).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
            assertThat(store.get(key, NOW)).isEqualTo(1000);
        }
    }

    @Nested
    class Reading {
        @Test
        void readsTheCountWhileTheCounterLives() {
            store.incrementAndGet(key, WINDOW_END);
            store.incrementAndGet(key, WINDOW_END);

            assertThat(store.get(key, WINDOW_END.minusMillis(1))).isEqualTo(2);
        }

        @Test
        void readsZeroForAnUnknownCounter() {
            assertThat(store.get(key, NOW)).isZero();
        }

        @Test
        void readsZeroFromTheMomentTheCounterExpires() {
            store.incrementAndGet(key, WINDOW_END);

            assertThat(store.get(key, WINDOW_END)).isZero();
        }
    }

    @Nested
    class Forgetting {
        @Test
        void forgetsCountersExpiredAtOrBeforeNowAndCountsThem() {
            store.incrementAndGet(key + ":ended-before", NOW.minusMillis(1));
            store.incrementAndGet(key + ":ends-now", NOW);
            store.incrementAndGet(key + ":ends-later", NOW.plusMillis(1));
            store.incrementAndGet(key + ":ends-later", NOW.plusMillis(1));

            assertThat(store.deleteExpired(NOW)).isEqualTo(2);

            assertThat(store.incrementAndGet(key + ":ends-now", WINDOW_END)).isEqualTo(1);
            assertThat(store.get(key + ":ends-later", NOW)).isEqualTo(2);
        }

        @Test
        void forgetsNothingWhenNothingExpired() {
            store.incrementAndGet(key, WINDOW_END);

            assertThat(store.deleteExpired(NOW)).isZero();
            assertThat(store.get(key, NOW)).isEqualTo(1);
        }

        @Test
        void forgetsEachCounterOnlyOnce() {
            store.incrementAndGet(key, NOW);
            store.deleteExpired(NOW);

            assertThat(store.deleteExpired(NOW)).isZero();
        }
    }
}
