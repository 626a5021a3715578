package dev.switchboard.ports.driven;

import java.time.Instant;

/**
 * Counters that expire: the state behind guessing budgets and fixed-window rate limits. Callers put the
 * window into the key, so a new window is a new counter.
 */
public interface CounterStore {

    /**
     * Atomically adds one to the counter {@code key} (creating it at one, to be forgotten at
     * {@code expiresAt}) and returns the new count. Concurrent increments never lose a count.
     */
    long incrementAndGet(String key, Instant expiresAt);

    /** The counter's value, or 0 when it does not exist or has expired at {@code now}. */
    long get(String key, Instant now);

    /** Forgets every counter expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
