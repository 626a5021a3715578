package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CREDENTIALS;
import static dev.switchboard.adapter.postgres.schema.Tables.DEVICES;
import static dev.switchboard.adapter.postgres.schema.Tables.MAILBOX_MESSAGES;
import static dev.switchboard.adapter.postgres.schema.Tables.OFFERS;
import static dev.switchboard.adapter.postgres.schema.Tables.PAIRING_SESSIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFERS;
import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFER_CHUNKS;

import dev.switchboard.ports.driven.StoreStatistics;
import dev.switchboard.ports.model.Statistics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record8;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What the database holds, counted by one statement of eight scalar subqueries (one round trip, one
 * snapshot), each an index range scan, most of them index-only: live offers and devices through their
 * {@code expires_at} indexes, open sessions through {@code pairing_sessions_open_idx}, live transfers and
 * their reserved bytes through {@code transfers_unfinished_idx}, held chunk bytes through
 * {@code transfer_chunks_held_idx}, credentials through {@code credentials_expires_at_idx}, and every queued
 * message (as long as a message is stored it is queued, also in a session that expired and awaits the sweep)
 * through its smallest index. The cost grows with the rows counted (a count reads every index entry it
 * counts: about a millisecond per 10,000), never with what waits for the sweep, but for queued messages and
 * held chunk bytes; see docs/postgres.md.
 */
final class PostgresStoreStatistics implements StoreStatistics {
    /** A scrape must never queue behind a slow count for long. */
    private static final int TIMEOUT_SECONDS = 5;

    private final Database database;

    PostgresStoreStatistics(Database database) {
        this.database = database;
    }

    @Override
    public Statistics snapshot(Instant now) {
        Objects.requireNonNull(now, "now");
        Record8<Long, Long, Long, Long, Long, Long, Long, Long> counts =
                database.statement(dsl -> query(dsl, now).queryTimeout(TIMEOUT_SECONDS).fetchSingle());
        return new Statistics(counts.value1(), counts.value2(), counts.value3(), counts.value4(), counts.value5(),
                counts.value6(), counts.value7(), counts.value8());
    }

    /** The one statement, in the order of {@link Statistics}' components. */
    static ResultQuery<Record8<Long, Long, Long, Long, Long, Long, Long, Long>> query(DSLContext dsl, Instant now) {
        Condition liveTransfer = TRANSFERS.COMPLETED_AT.isNull()
                .and(TRANSFERS.PURGED_AT.isNull())
                .and(TRANSFERS.EXPIRES_AT.gt(now));
        return dsl.select(
                count(DSL.selectCount().from(OFFERS).where(OFFERS.EXPIRES_AT.gt(now))),
                count(DSL.selectCount().from(PAIRING_SESSIONS)
                        .where(PAIRING_SESSIONS.CLOSED_AT.isNull())
                        .and(PAIRING_SESSIONS.EXPIRES_AT.gt(now))),
                count(DSL.selectCount().from(MAILBOX_MESSAGES)),
                count(DSL.selectCount().from(TRANSFERS).where(liveTransfer)),
                sum(DSL.select(DSL.sum(TRANSFERS.RESERVED_BYTES)).from(TRANSFERS).where(liveTransfer)),
                sum(DSL.select(DSL.sum(TRANSFER_CHUNKS.SIZE)).from(TRANSFER_CHUNKS)
                        .where(TRANSFER_CHUNKS.ACKNOWLEDGED_AT.isNull())),
                count(DSL.selectCount().from(DEVICES).where(DEVICES.EXPIRES_AT.gt(now))),
                count(DSL.selectCount().from(CREDENTIALS)
                        .where(CREDENTIALS.EXPIRES_AT.isNull().or(CREDENTIALS.EXPIRES_AT.gt(now)))));
    }

    private static Field<Long> count(Select<? extends Record1<Integer>> count) {
        return DSL.field(count).cast(SQLDataType.BIGINT);
    }

    /** A sum as a {@code bigint}, zero over no rows. */
    private static Field<Long> sum(Select<? extends Record1<BigDecimal>> sum) {
        return DSL.coalesce(DSL.field(sum), BigDecimal.ZERO).cast(SQLDataType.BIGINT);
    }
}
