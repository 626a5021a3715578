package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.AuditQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an audit query or export asks for: {@code from} and {@code to} (RFC 3339) and event types by their
 * wire names ({@code type=transfer.claimed}, repeated or comma-separated; all types when absent).
 */
record AuditFilter(Optional<Instant> from, Optional<Instant> to, Set<AuditEventType> types) {
    static final Set<String> NAMES = Set.of("from", "to", "type");
    static final Set<String> REPEATABLE = Set.of("type");

    static AuditFilter of(QueryParameters query) {
        Optional<Instant> from = query.text("from").map(text -> instant("from", text));
        Optional<Instant> to = query.text("to").map(text -> instant("to", text));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw SignalingException.invalid("to", "must be after from");
        }
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String name : query.every("type")) {
            types.add(AuditEventType.fromWireName(name).orElseThrow(() ->
                    SignalingException.invalid("type", "'" + name + "' is not an audit event type")));
        }
        return new AuditFilter(from, to, types);
    }

    AuditQuery after(long afterSequence, int limit) {
        return new AuditQuery(from, to, types, afterSequence, limit);
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new SignalingException(ErrorCode.MALFORMED_REQUEST,
                    "query parameter '" + name + "' must be an RFC 3339 timestamp such as 2026-01-02T03:04:05Z");
        }
    }
}
