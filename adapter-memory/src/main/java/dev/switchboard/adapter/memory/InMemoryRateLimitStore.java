package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets in memory, one theoretical arrival time per key, each decided inside one atomic compute so
 * that requests on different keys never wait for each other. Only buckets still refilling are held, as long
 * as {@link #deleteFull} runs now and then.
 */
final class InMemoryRateLimitStore implements RateLimitStore {
    private final ConcurrentMap<String, Instant> arrivals = new ConcurrentHashMap<>();

    @Override
    public Bucket take(String key, Duration interval, int burst, Instant now) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(now, "now");
        Duration capacity = interval.multipliedBy(burst);
        boolean[] allowed = new boolean[1];
        Instant after = arrivals.compute(key, (k, stored) -> {
            Instant tat = stored == null || stored.isBefore(now) ? now : stored;
            Instant next = tat.plus(interval);
            allowed[0] = Duration.between(now, next).compareTo(capacity) <= 0;
            return allowed[0] ? next : stored;
        });
        return new Bucket(allowed[0], after == null ? now : after);
    }

    /** Walks every bucket: sweeps are periodic, whereas an expiry index would cost every request a second write. */
    @Override
    public int deleteFull(Instant now) {
        int deleted = 0;
        for (Map.Entry<String, Instant> entry : arrivals.entrySet()) {
            // By key and value: a bucket spent from meanwhile has a later arrival time and is left alone.
            if (!entry.getValue().isAfter(now) && arrivals.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }

    /** How many buckets are held; for tests that prove sweeps leave nothing behind. */
    int size() {
        return arrivals.size();
    }
}
