package dev.switchboard.ports.model;

import java.util.Objects;

/**
 * An event as stored in the audit log: its position and its link in the hash chain. {@code hash} covers
 * the sequence, the event and {@code previousHash}, so changing, removing or reordering any entry breaks
 * every link after it.
 *
 * @param sequence     1 for the first entry, then one more for each
 * @param previousHash the hash of the entry before (a fixed genesis value for the first)
 * @param hash         lower-case hex SHA-256
 */
public record AuditEntry(long sequence, AuditEvent event, String previousHash, String hash) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1");
        }
    }
}
