package dev.switchboard.ports.driven;

import java.time.Instant;

/** Remembers signature nonces per key for as long as a replay could still pass the time window. */
public interface NonceStore {

    /**
     * Atomically records {@code nonce} for {@code keyId} unless it is already remembered and not yet
     * forgotten. Of any number of concurrent calls with one key and nonce, exactly one returns {@code true}.
     *
     * @param rememberUntil when the nonce may be forgotten (the end of its replay window)
     * @return whether the nonce was new
     */
    boolean rememberIfAbsent(String keyId, String nonce, Instant rememberUntil);

    /** Forgets every nonce whose {@code rememberUntil} is at or before {@code now}; returns how many. */
    int forgetExpired(Instant now);
}
