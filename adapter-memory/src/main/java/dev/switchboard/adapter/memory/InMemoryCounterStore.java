package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.CounterStore;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Expiring counters in memory; each increment replaces the key's immutable counter inside one atomic compute. */
final class InMemoryCounterStore implements CounterStore {
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public long incrementAndGet(String key, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        return counters.compute(key, (k, counter) -> counter == null ? new Counter(1, expiresAt) : counter.next())
                .count();
    }

    @Override
    public long get(String key, Instant now) {
        Counter counter = counters.get(key);
        return counter == null || counter.isExpiredAt(now) ? 0 : counter.count();
    }

    /** Walks every counter: sweeps are periodic, whereas an expiry index would cost every increment a second write. */
    @Override
    public int deleteExpired(Instant now) {
        int deleted = 0;
        for (Map.Entry<String, Counter> entry : counters.entrySet()) {
            // By key and value: of two racing sweeps only one counts it, and one incremented meanwhile is left alone.
            if (entry.getValue().isExpiredAt(now) && counters.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }

    /** How many counters are held; for tests that prove sweeps leave nothing behind. */
    int size() {
        return counters.size();
    }

    /** One counter's value and the instant it is forgotten, which its first increment set. */
    private record Counter(long count, Instant expiresAt) {
        Counter next() {
            return new Counter(count + 1, expiresAt);
        }

        boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
