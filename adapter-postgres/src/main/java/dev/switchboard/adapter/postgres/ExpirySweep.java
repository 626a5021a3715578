package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.COUNTERS;
import static dev.switchboard.adapter.postgres.schema.Tables.CREDENTIALS;
import static dev.switchboard.adapter.postgres.schema.Tables.DEVICES;
import static dev.switchboard.adapter.postgres.schema.Tables.MAILBOX_MESSAGES;
import static dev.switchboard.adapter.postgres.schema.Tables.NONCES;
import static dev.switchboard.adapter.postgres.schema.Tables.OFFERS;
import static dev.switchboard.adapter.postgres.schema.Tables.PAIRING_SESSIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_CONNECTIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.RATE_LIMIT_BUCKETS;
import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFERS;

import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import org.jooq.impl.DSL;

/**
 * Deletes expired offers, nonces, pairing sessions, counters, transfers, devices and credentials, full
 * rate-limit buckets and stale PeerJS connections, in batches of short transactions. Each
 * batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, so that sweeps on several instances split the
 * work instead of waiting on (or deadlocking with) each other, and a row a writer holds is left for the
 * next sweep.
 */
final class ExpirySweep {
    /** Rows per transaction: large enough to sweep quickly, small enough never to hold locks for long. */
    static final int BATCH = 1000;

    private final Database database;

    ExpirySweep(Database database) {
        this.database = database;
    }

    /** Offers expired at {@code now}, with their candidates by ON DELETE CASCADE; returns how many. */
    int offersExpiredAt(Instant now) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(OFFERS)
                .where(OFFERS.ID.in(DSL.select(OFFERS.ID).from(OFFERS)
                        .where(OFFERS.EXPIRES_AT.le(now))
                        .limit(BATCH)
                        .forUpdate()
                        .skipLocked()))
                .execute()));
    }

    /** Nonces whose window ended at or before {@code now}; returns how many. */
    int noncesExpiredAt(Instant now) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(NONCES)
                .where(DSL.row(NONCES.KEY_ID, NONCES.NONCE).in(DSL.select(NONCES.KEY_ID, NONCES.NONCE).from(NONCES)
                        .where(NONCES.REMEMBER_UNTIL.le(now))
                        .limit(BATCH)
                        .forUpdate()
                        .skipLocked()))
                .execute()));
    }

    /**
     * Sessions expired at {@code now}, open or closed, with their members and mailbox messages; returns how
     * many. The messages are deleted first, locked in sequence order like every delete of messages
     * ({@link Mailboxes#delete}), so that a concurrent acknowledgement cannot deadlock with the sweep; no
     * message of a claimed session can arrive meanwhile, since appending needs the session's row lock.
     */
    int sessionsExpiredAt(Instant now) {
        return inBatches(() -> database.transaction(tx -> {
            List<String> claimed = tx.select(PAIRING_SESSIONS.ID).from(PAIRING_SESSIONS)
                    .where(PAIRING_SESSIONS.EXPIRES_AT.le(now))
                    .limit(BATCH)
                    .forUpdate()
                    .skipLocked()
                    .fetch(PAIRING_SESSIONS.ID);
            if (claimed.isEmpty()) {
                return 0;
            }
            Mailboxes.delete(tx, MAILBOX_MESSAGES.SESSION_ID.in(claimed));
            // The members go by ON DELETE CASCADE.
            return tx.deleteFrom(PAIRING_SESSIONS).where(PAIRING_SESSIONS.ID.in(claimed)).execute();
        }));
    }

    /** Counters expired at {@code now}; returns how many. */
    int countersExpiredAt(Instant now) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(COUNTERS)
                .where(COUNTERS.NAME.in(DSL.select(COUNTERS.NAME).from(COUNTERS)
                        .where(COUNTERS.EXPIRES_AT.le(now))
                        .limit(BATCH)
                        .forUpdate()
                        .skipLocked()))
                .execute()));
    }

    /**
     * Transfers (in any state) whose expiry is at or before {@code expiredBy}, with their chunks by ON DELETE
     * CASCADE; returns how many. A transfer whose row a writer holds is left for the next sweep.
     */
    int transfersExpiredBy(Instant expiredBy) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(TRANSFERS)
                .where(TRANSFERS.ID.in(DSL.select(TRANSFERS.ID).from(TRANSFERS)
                        .where(TRANSFERS.EXPIRES_AT.le(expiredBy))
                        .limit(BATCH)
                        .forUpdate()
                        .skipLocked()))
                .execute()));
    }

    /** Devices expired at {@code now}; returns how many. */
    int devicesExpiredAt(Instant now) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(DEVICES)
                .where(DEVICES.ID.in(DSL.select(DEVICES.ID).from(DEVICES)
                        .where(DEVICES.EXPIRES_AT.le(now))
                        .limit(BATCH)
                        .forUpdate()
                        .skipLocked()))
                .execute()));
    }

    /**
     * Rate-limit buckets whose TAT is at or before {@code now}, full again; returns how many. A take that holds
     * a bucket's row is left alone, and a claimed row is re-checked on its newest version, so a bucket a take
     * just spent from is never deleted.
     */
    int rateLimitBucketsFullAt(Instant now) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(RATE_LIMIT_BUCKETS)
                .where(RATE_LIMIT_BUCKETS.BUCKET_KEY.in(DSL.select(RATE_LIMIT_BUCKETS.BUCKET_KEY).from(RATE_LIMIT_BUCKETS)
                        .where(RATE_LIMIT_BUCKETS.TAT.le(now))
                        .limit(BATCH)
                        .forUpdate()
                        .skipLocked()))
                .execute()));
    }

    /** Credentials whose lifetime ended at or before {@code now} (never those without one); returns how many. */
    int credentialsExpiredAt(Instant now) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(CREDENTIALS)
                .where(CREDENTIALS.ID.in(DSL.select(CREDENTIALS.ID).from(CREDENTIALS)
                        .where(CREDENTIALS.EXPIRES_AT.le(now))
                        .limit(BATCH)
                        .forUpdate()
                        .skipLocked()))
                .execute()));
    }

    /**
     * PeerJS connections last seen before {@code seenBefore}; returns how many. A connection whose row a claim
     * or a touch holds is left for the next sweep, and a claimed row is re-checked on its newest version, so a
     * connection touched meanwhile stays.
     */
    int peerConnectionsSeenBefore(Instant seenBefore) {
        return inBatches(() -> database.statement(dsl -> dsl.deleteFrom(PEER_CONNECTIONS)
                .where(DSL.row(PEER_CONNECTIONS.REALM_KEY, PEER_CONNECTIONS.PEER_ID).in(
                        DSL.select(PEER_CONNECTIONS.REALM_KEY, PEER_CONNECTIONS.PEER_ID).from(PEER_CONNECTIONS)
                                .where(PEER_CONNECTIONS.LAST_SEEN_AT.lt(seenBefore))
                                .limit(BATCH)
                                .forUpdate()
                                .skipLocked()))
                .execute()));
    }

    /** Repeats {@code batch} until one deletes less than a full batch; returns the total. */
    private static int inBatches(IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
