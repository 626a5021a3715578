package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What happened, as the audit log keeps it: never payloads, SDPs, secrets or verifiers, only who, what,
 * on what and a few plain attributes (an error code, a count).
 *
 * @param actor         who did it: a key id, {@code admin:<name>}, {@code anonymous} or {@code system}
 * @param subject       what it was done to (an offer, session, transfer or device id), or empty
 * @param clientAddress the client address, when the transport gave one
 * @param attributes    a few short, non-secret facts, sorted by name so an entry hashes the same everywhere
 */
public record AuditEvent(
        AuditEventType type,
        Instant occurredAt,
        String actor,
        Optional<String> subject,
        Optional<String> clientAddress,
        Map<String, String> attributes) {

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientAddress, "clientAddress");
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }
}
