package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditQuery;
import java.util.List;

/**
 * The append-only Enterprise audit log. The store orders entries and keeps them; the domain decides what a
 * link of the hash chain is, through {@link ChainLink}, so the store never needs to know the hash rules.
 */
public interface AuditLog {

    /** The {@code previousHash} of the first entry. */
    String GENESIS = "0".repeat(64);

    /**
     * Appends {@code event} as the next entry: under the log's one writer lock (also across instances
     * sharing the store) it takes the last entry's sequence and hash (0 and {@link #GENESIS} for an empty
     * log), asks {@code link} for the new entry's hash and stores it. Returns the stored entry.
     */
    AuditEntry append(AuditEvent event, ChainLink link);

    /** Entries matching the query, in sequence order. */
    List<AuditEntry> find(AuditQuery query);

    /** Entries with a sequence above {@code afterSequence}, in order, at most {@code limit}: for verification and export. */
    List<AuditEntry> readAfter(long afterSequence, int limit);

    /** Computes a chain link: the hash of the entry at {@code sequence} holding {@code event} after {@code previousHash}. */
    @FunctionalInterface
    interface ChainLink {
        String hash(long sequence, AuditEvent event, String previousHash);
    }
}
