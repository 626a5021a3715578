package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page of the audit log: entries after {@code afterSequence} (the cursor), optionally within
 * {@code [from, to)} and of the given types (all types when empty), in sequence order, at most {@code limit}.
 */
public record AuditQuery(Optional<Instant> from, Optional<Instant> to, Set<AuditEventType> types,
        long afterSequence, int limit) {
    public AuditQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        types = Set.copyOf(types);
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
