package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One recipient's unacknowledged messages by sequence. Every change happens under its lock, and new
 * messages only ever arrive above all present ones (see {@link Mailboxes}). Reads take no lock: they see
 * messages up to the published sequence, below which every message has been stored.
 *
 * <p>A mailbox that becomes empty is retired and dropped from its registry; a writer that finds it
 * retired after locking it creates a fresh one instead, so an empty mailbox never lingers.
 */
final class Mailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentSkipListMap<Long, SessionMessage> bySequence = new ConcurrentSkipListMap<>();
    /** Guarded by {@link #lock}; kept apart because the skip list counts by walking. */
    private int size;
    /** Guarded by {@link #lock}. */
    private boolean retired;
    /** The sequence of the last message stored; guarded by {@link #lock}. */
    private long lastStored;
    /** Every message up to this sequence is stored: written after storing, read before reading. */
    private volatile long published;

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Whether it was dropped from its registry; only meaningful under the lock. */
    boolean isRetired() {
        return retired;
    }

    /** Marks it retired if it is empty; returns whether it did. Under the lock. */
    boolean retireIfEmpty() {
        if (size == 0) {
            retired = true;
        }
        return retired;
    }

    /** Unacknowledged messages; under the lock. */
    int size() {
        return size;
    }

    /** Stores a message above every present one; it becomes readable at the next {@link #publish()}. Under the lock. */
    void put(SessionMessage message) {
        bySequence.put(message.sequence(), message);
        lastStored = message.sequence();
        size++;
    }

    /** Makes everything stored so far readable. Under the lock. */
    void publish() {
        published = lastStored;
    }

    /** Deletes the messages up to {@code upToSequence}; returns how many. Under the lock. */
    int removeUpTo(long upToSequence) {
        return removeIf(bySequence.headMap(upToSequence, true).values(), message -> true);
    }

    /** Deletes the messages of one session; returns how many. Under the lock. */
    int removeSession(SessionId sessionId) {
        return removeIf(bySequence.values(), message -> message.sessionId().equals(sessionId));
    }

    /** Up to {@code limit} published messages after {@code afterSequence}, in order. Takes no lock. */
    List<SessionMessage> read(long afterSequence, int limit) {
        long upTo = published;
        if (afterSequence >= upTo || limit <= 0) {
            return List.of();
        }
        List<SessionMessage> page = new ArrayList<>(Math.min(limit, 16));
        for (SessionMessage message : bySequence.subMap(afterSequence, false, upTo, true).values()) {
            page.add(message);
            if (page.size() == limit) {
                break;
            }
        }
        return page;
    }

    /** Messages held, counted by walking; for footprint checks only. */
    int countByWalking() {
        return bySequence.size();
    }

    private int removeIf(Collection<SessionMessage> scope, Predicate<SessionMessage> doomed) {
        int removed = 0;
        for (Iterator<SessionMessage> it = scope.iterator(); it.hasNext(); ) {
            if (doomed.test(it.next())) {
                it.remove();
                removed++;
            }
        }
        size -= removed;
        return removed;
    }
}
