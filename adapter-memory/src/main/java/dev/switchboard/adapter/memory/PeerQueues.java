package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Each PeerJS recipient's queue of messages by sequence, bounded per recipient and in total. Every change to a
 * queue runs inside one {@link ConcurrentMap#compute} on its recipient, so the bound checks, the sequence and
 * the insert are one step and an emptied queue is dropped in the same step. The total is one counter,
 * reserved by compare-and-set, so the store-wide bound holds without a store-wide lock. A queue is a ring in
 * sequence order ({@link SequencedMessages}; sequences are taken inside the step, so they only grow), read under
 * its own monitor. That is far cheaper per message than the concurrent skip list it replaced, which allocated
 * nodes, index levels, a counter and a view or two on every call; a relay runs these calls for every message.
 */
final class PeerQueues {
    private final ConcurrentMap<PeerAddress, Queue> queues = new ConcurrentHashMap<>();
    private final AtomicLong lastSequence = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    Optional<PeerMessage> enqueue(PeerMessage message, int maxPerPeer, long maxTotal) {
        return inQueue(message.recipient(), queue -> {
            if (queue.size() >= maxPerPeer || !reserve(maxTotal)) {
                return Optional.<PeerMessage>empty();
            }
            PeerMessage stored = message.withSequence(lastSequence.incrementAndGet());
            queue.add(stored);
            return Optional.of(stored);
        });
    }

    List<PeerMessage> queued(PeerAddress recipient, long afterSequence, int limit) {
        Queue queue = queues.get(recipient);
        return queue == null ? List.of() : queue.after(afterSequence, limit);
    }

    int acknowledge(PeerAddress recipient, long upToSequence) {
        return inQueue(recipient, queue -> queue.removeUpTo(upToSequence));
    }

    /**
     * Removes and returns up to {@code limit} messages queued at or before {@code queuedBefore} to recipients
     * {@code absent} says nobody is there for; each removal happens in its queue's atomic step, so one caller
     * only gets each message.
     */
    List<PeerMessage> expire(Instant queuedBefore, Predicate<PeerAddress> absent, int limit) {
        List<PeerMessage> expired = new ArrayList<>();
        for (PeerAddress recipient : queues.keySet()) {
            if (expired.size() >= limit) {
                break;
            }
            if (absent.test(recipient)) {
                int room = limit - expired.size();
                expired.addAll(inQueue(recipient, queue -> queue.removeQueuedBy(queuedBefore, room)));
            }
        }
        return expired;
    }

    int queueCount() {
        return queues.size();
    }

    int messageCount() {
        return queues.values().stream().mapToInt(Queue::size).sum();
    }

    long countedMessages() {
        return total.get();
    }

    private boolean reserve(long maxTotal) {
        long current;
        do {
            current = total.get();
            if (current >= maxTotal) {
                return false;
            }
        } while (!total.compareAndSet(current, current + 1));
        return true;
    }

    /** Runs {@code change} on the recipient's queue as one atomic step, dropping the queue if it ends empty. */
    @SuppressWarnings("unchecked")
    private <T> T inQueue(PeerAddress recipient, Function<Queue, T> change) {
        Object[] outcome = new Object[1];
        queues.compute(recipient, (address, queue) -> {
            Queue current = queue == null ? new Queue() : queue;
            outcome[0] = change.apply(current);
            return current.size() == 0 ? null : current;
        });
        return (T) outcome[0];
    }

    /**
     * One recipient's messages. Changed only inside the queue's atomic step; the monitor is for readers, which
     * take no part in that step.
     */
    private final class Queue {
        private final SequencedMessages messages = new SequencedMessages();

        synchronized int size() {
            return messages.size();
        }

        synchronized void add(PeerMessage message) {
            messages.add(message);
        }

        synchronized List<PeerMessage> after(long afterSequence, int limit) {
            return messages.after(afterSequence, limit);
        }

        /** Removes the messages up to {@code upToSequence}, releasing their count; says how many. */
        synchronized int removeUpTo(long upToSequence) {
            int removed = messages.removeUpTo(upToSequence);
            total.addAndGet(-removed);
            return removed;
        }

        /** Removes up to {@code limit} messages queued at or before {@code queuedBefore}, releasing their count. */
        synchronized List<PeerMessage> removeQueuedBy(Instant queuedBefore, int limit) {
            List<PeerMessage> removed = messages.removeIf(message -> !message.queuedAt().isAfter(queuedBefore), limit);
            total.addAndGet(-removed.size());
            return removed;
        }
    }
}
