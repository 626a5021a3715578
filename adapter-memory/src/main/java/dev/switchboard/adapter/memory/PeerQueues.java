package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Each PeerJS recipient's queue of messages by sequence, bounded per recipient and in total. Every change to a
 * queue runs inside one {@link ConcurrentMap#compute} on its recipient, so the bound checks, the sequence and
 * the insert are one step and an emptied queue is dropped in the same step. The total is one counter,
 * reserved by compare-and-set, so the store-wide bound holds without a store-wide lock. Reads take no lock:
 * a recipient's messages arrive in sequence order, so a reader never sees a gap below a message it sees.
 */
final class PeerQueues {
    private final ConcurrentMap<PeerAddress, Queue> queues = new ConcurrentHashMap<>();
    private final AtomicLong lastSequence = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    Optional<PeerMessage> enqueue(PeerMessage message, int maxPerPeer, long maxTotal) {
        return inQueue(message.recipient(), queue -> {
            if (queue.size >= maxPerPeer || !reserve(maxTotal)) {
                return Optional.<PeerMessage>empty();
            }
            PeerMessage stored = message.withSequence(lastSequence.incrementAndGet());
            queue.messages.put(stored.sequence(), stored);
            queue.size++;
            return Optional.of(stored);
        });
    }

    List<PeerMessage> queued(PeerAddress recipient, long afterSequence, int limit) {
        Queue queue = queues.get(recipient);
        if (queue == null) {
            return List.of();
        }
        return queue.messages.tailMap(afterSequence, false).values().stream().limit(limit).toList();
    }

    int acknowledge(PeerAddress recipient, long upToSequence) {
        return inQueue(recipient, queue -> queue.removeIf(queue.messages.headMap(upToSequence, true).values(),
                message -> true, Integer.MAX_VALUE).size());
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
                expired.addAll(inQueue(recipient, queue -> queue.removeIf(queue.messages.values(),
                        message -> !message.queuedAt().isAfter(queuedBefore), room)));
            }
        }
        return expired;
    }

    int queueCount() {
        return queues.size();
    }

    int messageCount() {
        return queues.values().stream().mapToInt(queue -> queue.messages.size()).sum();
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
            return current.size == 0 ? null : current;
        });
        return (T) outcome[0];
    }

    /** One recipient's messages; {@code size} is kept apart because the skip list counts by walking. */
    private final class Queue {
        final ConcurrentSkipListMap<Long, PeerMessage> messages = new ConcurrentSkipListMap<>();
        /** Changed only inside the queue's atomic step. */
        int size;

        /** Removes up to {@code limit} of {@code candidates} that match, oldest first, releasing their count. */
        List<PeerMessage> removeIf(Iterable<PeerMessage> candidates, Predicate<PeerMessage> match, int limit) {
            List<PeerMessage> removed = new ArrayList<>();
            for (Iterator<PeerMessage> it = candidates.iterator(); it.hasNext() && removed.size() < limit; ) {
                PeerMessage message = it.next();
                if (match.test(message)) {
                    it.remove();
                    removed.add(message);
                }
            }
            size -= removed.size();
            total.addAndGet(-removed.size());
            return removed;
        }
    }
}
