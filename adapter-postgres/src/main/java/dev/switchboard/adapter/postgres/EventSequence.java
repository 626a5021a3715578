package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Sequences.EVENT_SEQUENCE;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The one counter that orders every answer and candidate, across all instances sharing the database.
 *
 * <p>PostgreSQL hands out sequence values at once but transactions commit in any order, so a reader could
 * see value 8 while 7 is still uncommitted and then move its cursor past 7 for good. Every transaction that
 * takes values therefore first takes one transaction-scoped advisory lock and holds it until it commits:
 * values then commit in the order they were taken, and a reader never sees one before a smaller one.
 * The price is that such transactions run one at a time, database-wide (see docs/postgres.md).
 */
final class EventSequence {
    /** The advisory lock's key: "swbd-evt" in ASCII, so that it is recognisable in {@code pg_locks}. */
    static final long LOCK_KEY = 0x73776264_2d657674L;

    private EventSequence() {}

    /**
     * Takes the sequence lock for the rest of {@code transaction}. Call it before anything else in the
     * transaction, so that no row lock is ever held while waiting for it: the lock order is always the
     * advisory lock first, then rows, which rules out deadlocks between sequence takers.
     */
    static void lock(DSLContext transaction) {
        // jOOQ has no API for advisory locks: call the built-in function by name, with an inlined constant.
        Field<Object> lock = DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.inline(LOCK_KEY));
        transaction.select(lock).execute();
    }

    /** The next value, as a field to use inside a statement; only under {@link #lock}. */
    static Field<Long> next() {
        return EVENT_SEQUENCE.nextval();
    }

    /** {@code count} new values in increasing order; only under {@link #lock}. */
    static List<Long> take(DSLContext transaction, int count) {
        return transaction.nextvals(EVENT_SEQUENCE, count).stream().sorted().toList();
    }
}
