package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.AUDIT_ENTRIES;

import dev.switchboard.adapter.postgres.schema.tables.records.AuditEntriesRecord;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Translates between audit rows and the ports' entries. The type is stored by its enum name; the attributes
 * as two arrays of equal length, the names in ascending order and their values, which give back exactly the
 * map that went in (an {@link AuditEvent} sorts its attributes by name).
 */
final class AuditRows {

    private AuditRows() {}

    /**
     * The event as PostgreSQL will keep it: {@code timestamptz} holds microseconds, so a finer instant is
     * truncated before the entry is hashed, and the stored entry still verifies when read back.
     */
    static AuditEvent storable(AuditEvent event) {
        var occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.equals(event.occurredAt())) {
            return event;
        }
        return new AuditEvent(event.type(), occurredAt, event.actor(), event.subject(), event.clientAddress(),
                event.attributes());
    }

    static AuditEntriesRecord row(AuditEntry entry) {
        AuditEvent event = entry.event();
        AuditEntriesRecord row = new AuditEntriesRecord();
        row.setSequence(entry.sequence());
        row.setEventType(event.type().name());
        row.setOccurredAt(event.occurredAt());
        row.setActor(event.actor());
        row.setSubject(event.subject().orElse(null));
        row.setClientAddress(event.clientAddress().orElse(null));
        row.setAttributeNames(event.attributes().keySet().toArray(String[]::new));
        row.setAttributeValues(event.attributes().values().toArray(String[]::new));
        row.setPreviousHash(entry.previousHash());
        row.setHash(entry.hash());
        return row;
    }

    static AuditEntry entry(AuditEntriesRecord row) {
        String[] names = row.getAttributeNames();
        String[] values = row.getAttributeValues();
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            attributes.put(names[i], values[i]);
        }
        AuditEvent event = new AuditEvent(
                AuditEventType.valueOf(row.getEventType()),
                row.getOccurredAt(),
                row.getActor(),
                Optional.ofNullable(row.getSubject()),
                Optional.ofNullable(row.getClientAddress()),
                attributes);
        return new AuditEntry(row.getSequence(), event, row.getPreviousHash(), row.getHash());
    }
}
