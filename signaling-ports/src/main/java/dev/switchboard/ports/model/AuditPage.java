package dev.switchboard.ports.model;

import java.util.List;

/** A page of audit entries; {@code nextAfterSequence} continues the query, empty at the end. */
public record AuditPage(List<AuditEntry> entries, java.util.OptionalLong nextAfterSequence) {
    public AuditPage {
        entries = List.copyOf(entries);
        java.util.Objects.requireNonNull(nextAfterSequence, "nextAfterSequence");
    }
}
