package dev.switchboard.adapter.postgres;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The database-wide, transaction-scoped advisory locks that make a check-then-write atomic across instances.
 * Each key is eight ASCII characters, so that it is recognisable in {@code pg_locks}, and none equals
 * {@link EventSequence#LOCK_KEY} (the mailboxes use the two-key space, which never overlaps this one).
 */
final class AdvisoryLock {
    /** "swbd-xfr": a transfer's creation, deciding invite codes and the server's byte budget. */
    static final long TRANSFER_CREATION = 0x73776264_2d786672L;
    /** "swbd-aud": the audit log's one writer. */
    static final long AUDIT_APPEND = 0x73776264_2d617564L;

    private AdvisoryLock() {}

    /**
     * Takes the lock {@code key} until {@code transaction} ends, waiting for whoever holds it. Call it first
     * in the transaction, before any row lock, so that nobody waits for it while holding rows.
     */
    static void take(DSLContext transaction, long key) {
        // jOOQ has no API for advisory locks: call the built-in function by name, with an inlined constant.
        transaction.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.inline(key))).execute();
    }
}
