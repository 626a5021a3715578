package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driven.CounterStore;
import java.time.Duration;
import java.time.Instant;

/**
 * How many failed joins a client address may make per fixed window, so that invite codes cannot be
 * guessed: the failures are counted under {@code join-failures:<address>:<window index>}, so each window
 * starts from zero and its counter expires with it.
 */
final class JoinFailureBudget {
    private final CounterStore counters;
    private final int budget;
    private final long windowMillis;

    JoinFailureBudget(CounterStore counters, int budget, Duration window) {
        this.counters = counters;
        this.budget = budget;
        this.windowMillis = window.toMillis();
    }

    /** Refuses with {@code rate_limited} when {@code address} has spent its budget in the current window. */
    void requireRemaining(String address, Instant now) {
        if (counters.get(key(address, now), now) >= budget) {
            throw PairingErrors.joinBudgetSpent();
        }
    }

    void recordFailure(String address, Instant now) {
        long window = windowOf(now);
        counters.incrementAndGet(key(address, now), Instant.ofEpochMilli((window + 1) * windowMillis));
    }

    private String key(String address, Instant now) {
        return "join-failures:" + address + ":" + windowOf(now);
    }

    private long windowOf(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), windowMillis);
    }
}
