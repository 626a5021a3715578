package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import java.time.Instant;
import java.util.Map;

/** One audit log entry with its link in the hash chain, as a page and each line of an export carry it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AuditEntryJson(long sequence, String type, Instant occurredAt, String actor, String subject,
        String clientAddress, Map<String, String> attributes, String previousHash, String hash) {

    static AuditEntryJson from(AuditEntry entry) {
        AuditEvent event = entry.event();
        return new AuditEntryJson(entry.sequence(), event.type().wireName(), event.occurredAt(), event.actor(),
                event.subject().orElse(null), event.clientAddress().orElse(null), event.attributes(),
                entry.previousHash(), entry.hash());
    }
}
