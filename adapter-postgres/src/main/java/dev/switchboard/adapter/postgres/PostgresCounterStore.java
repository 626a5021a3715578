package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.COUNTERS;

import dev.switchboard.ports.driven.CounterStore;
import java.time.Instant;
import java.util.Objects;

/**
 * Expiring counters in PostgreSQL, one row per key. An increment is one
 * {@code INSERT ... ON CONFLICT (name) DO UPDATE SET count = counters.count + 1 RETURNING count}: the row
 * lock of the upsert orders concurrent increments on any instance, so none is lost. As in memory, the first
 * increment sets the expiry and later ones keep it; callers put the window into the key, so a new window is
 * a new row.
 */
final class PostgresCounterStore implements CounterStore {
    /** The longest key the table holds (its column's length). */
    static final int MAX_KEY_LENGTH = 512;

    private final Database database;
    private final ExpirySweep sweep;

    PostgresCounterStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    @Override
    public long incrementAndGet(String key, Instant expiresAt) {
        requireKey(key);
        Objects.requireNonNull(expiresAt, "expiresAt");
        return database.statement(dsl -> dsl.insertInto(COUNTERS)
                .set(COUNTERS.NAME, key)
                .set(COUNTERS.COUNT, 1L)
                .set(COUNTERS.EXPIRES_AT, expiresAt)
                .onConflict(COUNTERS.NAME)
                .doUpdate()
                .set(COUNTERS.COUNT, COUNTERS.COUNT.plus(1))
                .returningResult(COUNTERS.COUNT)
                .fetchSingle()
                .value1());
    }

    @Override
    public long get(String key, Instant now) {
        requireKey(key);
        return database.statement(dsl -> dsl.select(COUNTERS.COUNT)
                .from(COUNTERS)
                .where(COUNTERS.NAME.eq(key))
                .and(COUNTERS.EXPIRES_AT.gt(now))
                .fetchOptional(COUNTERS.COUNT)
                .orElse(0L));
    }

    @Override
    public int deleteExpired(Instant now) {
        return sweep.countersExpiredAt(now);
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("counter keys are at most " + MAX_KEY_LENGTH + " characters");
        }
    }
}
