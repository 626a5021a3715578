package dev.switchboard.domain.shared;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The clock the use cases read, truncated to milliseconds: stores may keep only milliseconds, so an
 * instant the domain hands a store reads back equal to the one it kept in memory.
 */
public final class MillisecondClock implements InstantSource {
    private final InstantSource source;

    public MillisecondClock(InstantSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Instant instant() {
        return source.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code instant} rounded up to the next whole millisecond, so a deadline is never brought forward. */
    public static Instant ceilToMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        return truncated.equals(instant) ? truncated : truncated.plusMillis(1);
    }

    /** {@code instant} rounded up to the next whole second, the precision of token expiries. */
    public static Instant ceilToSeconds(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? truncated : truncated.plusSeconds(1);
    }
}
