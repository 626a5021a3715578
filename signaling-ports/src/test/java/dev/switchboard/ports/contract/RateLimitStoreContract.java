package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driven.RateLimitStore.Bucket;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitStore} must do; an adapter's test extends this and supplies the store. Every
 * instant and interval is a whole number of milliseconds, which every store keeps exactly, so the theoretical
 * arrival times are checked to the millisecond.
 */
public abstract class RateLimitStoreContract {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int BURST = 5;

    private RateLimitStore store;
    private final String key = "api:" + randomKeyId();

    /**
     * A new store holding no buckets: {@code deleteFull} counts every bucket of the store, so a
     * database-backed adapter empties its table here.
     */
    protected abstract RateLimitStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @Nested
    class AFullBucket {
        @Test
        void allowsExactlyItsBurstAtOneInstantThenRefuses() {
            List<Bucket> buckets = takeAll(key, INTERVAL, BURST, NOW, BURST + 3);

            assertThat(buckets).extracting(Bucket::allowed)
                    .containsExactly(true, true, true, true, true, false, false, false);
        }

        @Test
        void movesItsArrivalTimeOneIntervalPerAllowedRequest() {
            List<Bucket> buckets = takeAll(key, INTERVAL, BURST, NOW, BURST);

            assertThat(buckets).extracting(Bucket::theoreticalArrival)
                    .containsExactly(at(1), at(2), at(3), at(4), at(5));
        }

        @Test
        void allowsASingleRequestWithABurstOfOne() {
            assertThat(store.take(key, INTERVAL, 1, NOW)).isEqualTo(new Bucket(true, at(1)));
            assertThat(store.take(key, INTERVAL, 1, NOW)).isEqualTo(new Bucket(false, at(1)));
        }
    }

    @Nested
    class AnEmptiedBucket {
        @Test
        void reportsTheStoredArrivalTimeWhenItRefusesAndStoresNothing() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);

            assertThat(store.take(key, INTERVAL, BURST, NOW)).isEqualTo(new Bucket(false, at(BURST)));
            assertThat(store.take(key, INTERVAL, BURST, NOW.plusMillis(999))).isEqualTo(new Bucket(false, at(BURST)));
        }

        @Test
        void allowsExactlyOneMoreAfterOneInterval() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);
            Instant later = NOW.plus(INTERVAL);

            assertThat(store.take(key, INTERVAL, BURST, later)).isEqualTo(new Bucket(true, at(BURST + 1)));
            assertThat(store.take(key, INTERVAL, BURST, later)).isEqualTo(new Bucket(false, at(BURST + 1)));
        }

        @Test
        void refusesOneMillisecondBeforeTheIntervalHasPassed() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);

            assertThat(store.take(key, INTERVAL, BURST, NOW.plus(INTERVAL).minusMillis(1)).allowed()).isFalse();
        }

        @Test
        void allowsAFullBurstAgainOnceBurstTimesTheIntervalHasPassed() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);
            Instant refilled = NOW.plus(INTERVAL.multipliedBy(BURST));

            List<Bucket> buckets = takeAll(key, INTERVAL, BURST, refilled, BURST + 1);

            assertThat(buckets).extracting(Bucket::allowed).containsExactly(true, true, true, true, true, false);
            assertThat(buckets.get(0).theoreticalArrival()).isEqualTo(refilled.plus(INTERVAL));
            assertThat(buckets.get(BURST).theoreticalArrival()).isEqualTo(refilled.plus(INTERVAL.multipliedBy(BURST)));
        }

        @Test
        void regainsNoMoreThanItsBurstAfterALongPause() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);
            Instant muchLater = NOW.plus(Duration.ofDays(1));

            assertThat(takeAll(key, INTERVAL, BURST, muchLater, BURST + 1)).extracting(Bucket::allowed)
                    .containsExactly(true, true, true, true, true, false);
        }

        @Test
        void allowsOneRequestPerIntervalAtASteadyPace() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);

            for (int i = 1; i <= 10; i++) {
                Instant tick = NOW.plus(INTERVAL.multipliedBy(i));
                assertThat(store.take(key, INTERVAL, BURST, tick)).isEqualTo(new Bucket(true, at(BURST + i)));
                assertThat(store.take(key, INTERVAL, BURST, tick).allowed()).isFalse();
            }
        }
    }

    @Nested
    class Keys {
        @Test
        void keepsEveryBucketApart() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);

            assertThat(store.take(key + ":other", INTERVAL, BURST, NOW)).isEqualTo(new Bucket(true, at(1)));
            assertThat(store.take(key, INTERVAL, BURST, NOW).allowed()).isFalse();
        }

        @Test
        void appliesEachKeysOwnIntervalAndBurst() {
            String slow = key + ":slow";
            String fast = key + ":fast";
            Duration slowInterval = Duration.ofMinutes(1);
            Duration fastInterval = Duration.ofMillis(100);

            assertThat(takeAll(slow, slowInterval, 2, NOW, 3)).extracting(Bucket::allowed)
                    .containsExactly(true, true, false);
            assertThat(takeAll(fast, fastInterval, 10, NOW, 11)).extracting(Bucket::allowed)
                    .containsExactly(true, true, true, true, true, true, true, true, true, true, false);

            assertThat(store.take(slow, slowInterval, 2, NOW.plusMillis(100)).allowed()).isFalse();
            assertThat(store.take(fast, fastInterval, 10, NOW.plusMillis(100)))
                    .isEqualTo(new Bucket(true, NOW.plusMillis(1100)));
            assertThat(store.take(slow, slowInterval, 2, NOW.plus(slowInterval)))
                    .isEqualTo(new Bucket(true, NOW.plus(slowInterval.multipliedBy(3))));
        }
    }

    @Nested
    class Intervals {
        @Test
        void keepsShortIntervalsExact() {
            Duration interval = Duration.ofMillis(50);
            takeAll(key, interval, 20, NOW, 20);

            assertThat(store.take(key, interval, 20, NOW.plusMillis(49))).isEqualTo(new Bucket(false, NOW.plusMillis(1000)));
            assertThat(store.take(key, interval, 20, NOW.plusMillis(50))).isEqualTo(new Bucket(true, NOW.plusMillis(1050)));
        }

        @Test
        void keepsOneMillisecondIntervalsExact() {
            Duration interval = Duration.ofMillis(1);

            List<Bucket> buckets = takeAll(key, interval, 3, NOW, 4);

            assertThat(buckets).containsExactly(new Bucket(true, NOW.plusMillis(1)), new Bucket(true, NOW.plusMillis(2)),
                    new Bucket(true, NOW.plusMillis(3)), new Bucket(false, NOW.plusMillis(3)));
            assertThat(store.take(key, interval, 3, NOW.plusMillis(1))).isEqualTo(new Bucket(true, NOW.plusMillis(4)));
        }

        @Test
        void keepsLongWindowsExact() {
            Duration interval = Duration.ofHours(1).dividedBy(10);
            takeAll(key, interval, 10, NOW, 10);

            assertThat(store.take(key, interval, 10, NOW.plus(Duration.ofMinutes(6)).minusMillis(1)))
                    .isEqualTo(new Bucket(false, NOW.plus(Duration.ofHours(1))));
            assertThat(store.take(key, interval, 10, NOW.plus(Duration.ofMinutes(6))))
                    .isEqualTo(new Bucket(true, NOW.plus(Duration.ofMinutes(66))));
        }
    }

    @Nested
    class Concurrency {
        @Test
        void allowsExactlyTheBurstOfManyConcurrentRequests() {
            List<Boolean> allowed = Race.run(64, i -> store.take(key, INTERVAL, 20, NOW).allowed());

            assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(20);
            assertThat(store.take(key, INTERVAL, 20, NOW)).isEqualTo(new Bucket(false, at(20)));
        }

        @Test
        void spendsEveryTokenOnceAcrossInstantsAndKeys() {
            List<Boolean> allowed = Race.run(120,
                    i -> store.take(key + ":" + i % 3, INTERVAL, 10, NOW.plusMillis(i % 2)).allowed());

            assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(30);
        }

        @Test
        void losesNoSpentTokenWhileFullBucketsAreForgotten() {
            takeAll(key, INTERVAL, 20, NOW, 20);
            Instant refilled = NOW.plus(INTERVAL.multipliedBy(20));

            List<Boolean> allowed = Race.run(80, i -> i % 4 == 0
                    ? deleteFullAndReport(refilled)
                    : store.take(key, INTERVAL, 20, refilled).allowed());

            assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(20);
            assertThat(store.take(key, INTERVAL, 20, refilled).allowed()).isFalse();
        }

        private boolean deleteFullAndReport(Instant now) {
            store.deleteFull(now);
            return false;
        }
    }

    @Nested
    class Forgetting {
        @Test
        void forgetsOnlyBucketsFullAtNowAndCountsThem() {
            store.take(key + ":full-before", INTERVAL, BURST, NOW.minus(INTERVAL).minusMillis(1));
            store.take(key + ":full-now", INTERVAL, BURST, NOW.minus(INTERVAL));
            store.take(key + ":full-later", INTERVAL, BURST, NOW.minus(INTERVAL).plusMillis(1));
            takeAll(key + ":empty", INTERVAL, BURST, NOW, BURST);

            assertThat(store.deleteFull(NOW)).isEqualTo(2);

            assertThat(store.deleteFull(NOW)).isZero();
            assertThat(store.deleteFull(NOW.plusMillis(1))).isEqualTo(1);
            assertThat(store.take(key + ":empty", INTERVAL, BURST, NOW.plusMillis(1)))
                    .isEqualTo(new Bucket(false, at(BURST)));
        }

        @Test
        void forgetsNothingWhenEveryBucketStillRefills() {
            takeAll(key, INTERVAL, BURST, NOW, 2);

            assertThat(store.deleteFull(NOW.plus(INTERVAL))).isZero();
            assertThat(store.take(key, INTERVAL, BURST, NOW)).isEqualTo(new Bucket(true, at(3)));
        }

        @Test
        void treatsAForgottenBucketAsFull() {
            takeAll(key, INTERVAL, BURST, NOW, BURST);
            Instant refilled = NOW.plus(INTERVAL.multipliedBy(BURST));

            assertThat(store.deleteFull(refilled)).isEqualTo(1);

            assertThat(takeAll(key, INTERVAL, BURST, refilled, BURST + 1)).extracting(Bucket::allowed)
                    .containsExactly(true, true, true, true, true, false);
        }

        @Test
        void forgetsNothingInAnEmptyStore() {
            assertThat(store.deleteFull(NOW)).isZero();
        }
    }

    private List<Bucket> takeAll(String bucketKey, Duration interval, int burst, Instant now, int requests) {
        return IntStream.range(0, requests).mapToObj(i -> store.take(bucketKey, interval, burst, now)).toList();
    }

    private static Instant at(int intervals) {
        return NOW.plus(INTERVAL.multipliedBy(intervals));
    }
}
