package dev.switchboard.ports.driven;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Token buckets shared by every instance that uses the store, so N instances enforce one budget. A bucket
 * holds at most {@code burst} tokens and regains one every {@code interval}; it is kept as the generic cell
 * rate algorithm (GCRA) keeps it: one instant per key, its theoretical arrival time (TAT), absent for a full
 * bucket. With {@code tat = max(stored TAT, now)} and {@code next = tat + interval}, a request is allowed iff
 * {@code next - now <= burst * interval}; then {@code next} is stored. A refusal stores nothing.
 */
public interface RateLimitStore {

    /**
     * Decides one request against bucket {@code key} as described above, atomically (also across instances
     * sharing the store): concurrent requests never spend more tokens than the bucket holds.
     */
    Bucket take(String key, Duration interval, int burst, Instant now);

    /** Forgets buckets whose TAT is at or before {@code now} (they are full again); returns how many. */
    int deleteFull(Instant now);

    /**
     * The decision and the bucket's TAT after it: the new one when allowed, the stored one (or {@code now}
     * for a full bucket) when refused. Remaining tokens, reset and retry times follow from it.
     */
    record Bucket(boolean allowed, Instant theoreticalArrival) {
        public Bucket {
            Objects.requireNonNull(theoreticalArrival, "theoreticalArrival");
        }
    }
}
