package dev.switchboard.domain.pairing;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * The clock the pairing use cases read, truncated to milliseconds: stores may keep only milliseconds, so
 * an instant the domain hands a store reads back equal to the one it kept in memory.
 */
final class MillisecondClock implements InstantSource {
    private final InstantSource source;

    MillisecondClock(InstantSource source) {
        this.source = source;
    }

    @Override
    public Instant instant() {
        return source.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code instant} rounded up to the next whole millisecond, so a deadline is never brought forward. */
    static Instant ceilToMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        return truncated.equals(instant) ? truncated : truncated.plusMillis(1);
    }

    /** {@code instant} rounded up to the next whole second, the precision of token expiries. */
    static Instant ceilToSeconds(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? truncated : truncated.plusSeconds(1);
    }
}
