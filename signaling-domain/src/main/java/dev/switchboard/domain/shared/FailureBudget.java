package dev.switchboard.domain.shared;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.CounterStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How many failed attempts (joins, claims) a client address may make per fixed window, so that invite
 * codes cannot be guessed: the failures are counted under {@code <name>:<address>:<window index>}, so each
 * window starts from zero and its counter expires with it.
 */
public final class FailureBudget {
    private final CounterStore counters;
    private final String name;
    private final int budget;
    private final long windowMillis;
    private final Supplier<SignalingException> refusal;

    /**
     * @param name    the counter prefix, e.g. {@code join-failures}; one per kind of attempt
     * @param refusal the {@code rate_limited} refusal to throw once the budget is spent
     */
    public FailureBudget(CounterStore counters, String name, int budget, Duration window,
            Supplier<SignalingException> refusal) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.name = Objects.requireNonNull(name, "name");
        this.budget = budget;
        this.windowMillis = window.toMillis();
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        if (budget < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("budget and window must be positive");
        }
    }

    /** Refuses when {@code address} has spent its budget in the current window. */
    public void requireRemaining(String address, Instant now) {
        if (counters.get(key(address, now), now) >= budget) {
            throw refusal.get();
        }
    }

    public void recordFailure(String address, Instant now) {
        long window = windowOf(now);
        counters.incrementAndGet(key(address, now), Instant.ofEpochMilli((window + 1) * windowMillis));
    }

    private String key(String address, Instant now) {
        return name + ":" + address + ":" + windowOf(now);
    }

    private long windowOf(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), windowMillis);
    }
}
