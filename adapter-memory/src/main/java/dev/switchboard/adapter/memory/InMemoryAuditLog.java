package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The audit log in memory: entries in a list whose position is their sequence minus one, appended under the
 * write lock (the log's one writer lock, held while the chain link is computed), read under the read lock
 * from the cursor on, so a page never walks the entries before it. Being a log, it is never trimmed.
 */
final class InMemoryAuditLog implements AuditLog {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@link #lock}. */
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public AuditEntry append(AuditEvent event, ChainLink link) {
        lock.writeLock().lock();
        try {
            long sequence = entries.size() + 1L;
            String previousHash = entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
            AuditEntry entry = new AuditEntry(sequence, event, previousHash, link.hash(sequence, event, previousHash));
            entries.add(entry);
            return entry;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        lock.readLock().lock();
        try {
            List<AuditEntry> found = new ArrayList<>();
            for (int i = startAfter(query.afterSequence()); i < entries.size() && found.size() < query.limit(); i++) {
                AuditEntry entry = entries.get(i);
                if (matches(query, entry.event())) {
                    found.add(entry);
                }
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<AuditEntry> readAfter(long afterSequence, int limit) {
        lock.readLock().lock();
        try {
            int from = startAfter(afterSequence);
            return List.copyOf(entries.subList(from, (int) Math.min(entries.size(), (long) from + Math.max(0, limit))));
        } finally {
            lock.readLock().unlock();
        }
    }

    private int startAfter(long afterSequence) {
        return (int) Math.min(entries.size(), Math.max(0, afterSequence));
    }

    private static boolean matches(AuditQuery query, AuditEvent event) {
        return (query.types().isEmpty() || query.types().contains(event.type()))
                && query.from().map(from -> !event.occurredAt().isBefore(from)).orElse(true)
                && query.to().map(to -> event.occurredAt().isBefore(to)).orElse(true);
    }
}
