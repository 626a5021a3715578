package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.RATE_LIMIT_BUCKETS;

import dev.switchboard.ports.driven.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Token buckets (GCRA) in PostgreSQL, one row per bucket holding its TAT, so that every instance sharing the
 * database spends one budget. A take is one statement:
 *
 * <pre>{@code
 * INSERT INTO rate_limit_buckets (bucket_key, tat) VALUES (?, now + interval)
 * ON CONFLICT (bucket_key) DO UPDATE SET tat = greatest(tat + interval, now + interval)
 *  WHERE tat <= now + tolerance - interval       -- i.e. greatest(tat, now) + interval - now <= tolerance
 * RETURNING tat
 * }</pre>
 *
 * A fresh bucket is inserted (allowed: the burst is at least one); the upsert's row lock orders concurrent
 * takes of one bucket on any instance, and each re-evaluates the condition against the committed TAT. No row
 * returned is a refusal, after which a second statement reads the TAT that refused it. Time is kept in whole
 * microseconds, as {@code timestamptz} holds it: {@code now} is truncated, and an interval with a
 * sub-microsecond part is rounded up (never allowing more than the budget).
 */
final class PostgresRateLimitStore implements RateLimitStore {
    /** The longest key the table holds (its column's length). */
    static final int MAX_KEY_LENGTH = 512;

    private final Database database;
    private final ExpirySweep sweep;

    PostgresRateLimitStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    @Override
    public Bucket take(String key, Duration interval, int burst, Instant now) {
        requireKey(key);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(now, "now");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, was " + interval);
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        if (burst < 1) {
            // next - now = interval at least, which no burst below one token covers: refused, nothing stored.
            return new Bucket(false, storedTat(key).orElse(at));
        }
        long intervalMicros = ceilMicros(interval);
        Instant next = at.plus(intervalMicros, ChronoUnit.MICROS);
        // tat <= latest  <=>  greatest(tat, now) + interval - now <= burst * interval, since burst >= 1.
        Instant latest = at.plus(Math.multiplyExact(intervalMicros, (long) burst - 1), ChronoUnit.MICROS);
        Optional<Instant> taken = database.statement(dsl -> dsl.insertInto(RATE_LIMIT_BUCKETS)
                .set(RATE_LIMIT_BUCKETS.BUCKET_KEY, key)
                .set(RATE_LIMIT_BUCKETS.TAT, next)
                .onConflict(RATE_LIMIT_BUCKETS.BUCKET_KEY)
                .doUpdate()
                .set(RATE_LIMIT_BUCKETS.TAT, DSL.greatest(plusMicros(RATE_LIMIT_BUCKETS.TAT, intervalMicros), DSL.val(next)))
                .where(RATE_LIMIT_BUCKETS.TAT.le(latest))
                .returningResult(RATE_LIMIT_BUCKETS.TAT)
                .fetchOptional(RATE_LIMIT_BUCKETS.TAT));
        if (taken.isPresent()) {
            return new Bucket(true, taken.get());
        }
        // Refused: the TAT as committed now (a sweep may have deleted it since, when it was full again).
        return new Bucket(false, storedTat(key).map(tat -> tat.isAfter(at) ? tat : at).orElse(at));
    }

    @Override
    public int deleteFull(Instant now) {
        return sweep.rateLimitBucketsFullAt(now);
    }

    private Optional<Instant> storedTat(String key) {
        return database.statement(dsl -> dsl.select(RATE_LIMIT_BUCKETS.TAT)
                .from(RATE_LIMIT_BUCKETS)
                .where(RATE_LIMIT_BUCKETS.BUCKET_KEY.eq(key))
                .fetchOptional(RATE_LIMIT_BUCKETS.TAT));
    }

    /**
     * {@code at + micros} microseconds, exactly: {@code interval '1 microsecond'} times a whole number below
     * 2^53 stays exact, and an interval of microseconds only (no days) is never stretched by a DST change.
     */
    private static Field<Instant> plusMicros(Field<Instant> at, long micros) {
        return DSL.field("({0} + {1} * interval '1 microsecond')", at.getDataType(), at, DSL.val(micros));
    }

    /** The interval in whole microseconds, rounded up. */
    private static long ceilMicros(Duration interval) {
        long nanos = interval.toNanos();
        return nanos / 1000 + (nanos % 1000 == 0 ? 0 : 1);
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("rate-limit keys are at most " + MAX_KEY_LENGTH + " characters");
        }
    }
}
