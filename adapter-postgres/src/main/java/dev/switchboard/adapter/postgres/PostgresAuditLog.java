package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.AUDIT_ENTRIES;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.AuditQuery;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The audit log in PostgreSQL. Appends on every instance take one advisory lock
 * ({@link AdvisoryLock#AUDIT_APPEND}) and read the last entry under it, so that entries form one unbroken
 * chain with gapless sequences; the primary key on the sequence backs that up. Readers take no lock.
 */
final class PostgresAuditLog implements AuditLog {
    private final Database database;

    PostgresAuditLog(Database database) {
        this.database = database;
    }

    /**
     * The lock is held while {@code link} hashes, so it serialises appends database-wide; PostgreSQL makes
     * the entry visible before it releases the lock, so the next writer always links to it.
     */
    @Override
    public AuditEntry append(AuditEvent event, ChainLink link) {
        AuditEvent stored = AuditRows.storable(event);
        return database.transaction(tx -> {
            AdvisoryLock.take(tx, AdvisoryLock.AUDIT_APPEND);
            var last = tx.select(AUDIT_ENTRIES.SEQUENCE, AUDIT_ENTRIES.HASH)
                    .from(AUDIT_ENTRIES)
                    .orderBy(AUDIT_ENTRIES.SEQUENCE.desc())
                    .limit(1)
                    .fetchOptional();
            long sequence = last.map(Record2::value1).orElse(0L) + 1;
            String previousHash = last.map(Record2::value2).orElse(GENESIS);
            AuditEntry entry = new AuditEntry(sequence, stored, previousHash, link.hash(sequence, stored, previousHash));
            tx.insertInto(AUDIT_ENTRIES).set(AuditRows.row(entry)).execute();
            return entry;
        });
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        Condition from = query.from().map(AUDIT_ENTRIES.OCCURRED_AT::ge).orElse(DSL.noCondition());
        Condition to = query.to().map(AUDIT_ENTRIES.OCCURRED_AT::lt).orElse(DSL.noCondition());
        Condition types = query.types().isEmpty()
                ? DSL.noCondition()
                : AUDIT_ENTRIES.EVENT_TYPE.in(query.types().stream().map(AuditEventType::name).toList());
        return database.statement(dsl -> dsl.selectFrom(AUDIT_ENTRIES)
                .where(AUDIT_ENTRIES.SEQUENCE.gt(query.afterSequence()))
                .and(from)
                .and(to)
                .and(types)
                .orderBy(AUDIT_ENTRIES.SEQUENCE)
                .limit(query.limit())
                .fetch(AuditRows::entry));
    }

    @Override
    public List<AuditEntry> readAfter(long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.statement(dsl -> dsl.selectFrom(AUDIT_ENTRIES)
                .where(AUDIT_ENTRIES.SEQUENCE.gt(afterSequence))
                .orderBy(AUDIT_ENTRIES.SEQUENCE)
                .limit(limit)
                .fetch(AuditRows::entry));
    }
}
