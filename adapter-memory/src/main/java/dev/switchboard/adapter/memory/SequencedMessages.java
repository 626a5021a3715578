package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.PeerMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * One recipient's messages in rising sequence order, in a ring that grows by doubling: appended at the tail,
 * acknowledged off the head, and paged from any sequence by binary search, so reading a page costs the same
 * however many unacknowledged messages precede it. Not thread-safe.
 */
final class SequencedMessages {
    private PeerMessage[] ring = new PeerMessage[4];
    private int head;
    private int size;

    int size() {
        return size;
    }

    /** Appends {@code message}, whose sequence must be above every one held. */
    void add(PeerMessage message) {
        if (size > 0 && message.sequence() <= get(size - 1).sequence()) {
            throw new IllegalArgumentException("sequence " + message.sequence() + " is not above "
                    + get(size - 1).sequence());
        }
        if (size == ring.length) {
            grow();
        }
        ring[slot(size++)] = message;
    }

    /** Up to {@code limit} messages after {@code afterSequence}, oldest first. */
    List<PeerMessage> after(long afterSequence, int limit) {
        int from = countUpTo(afterSequence);
        int count = Math.min(limit, size - from);
        if (count <= 0) {
            return List.of();
        }
        List<PeerMessage> page = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            page.add(get(i));
        }
        return Collections.unmodifiableList(page);
    }

    /** Removes the messages up to {@code upToSequence}; says how many. */
    int removeUpTo(long upToSequence) {
        int removed = countUpTo(upToSequence);
        for (int i = 0; i < removed; i++) {
            ring[slot(i)] = null;
        }
        head = slot(removed);
        size -= removed;
        return removed;
    }

    /** Removes up to {@code limit} messages that {@code match}, oldest first, keeping the others in order. */
    List<PeerMessage> removeIf(Predicate<PeerMessage> match, int limit) {
        List<PeerMessage> removed = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            PeerMessage message = get(i);
            if (removed.size() < limit && match.test(message)) {
                removed.add(message);
            } else {
                ring[slot(kept++)] = message;
            }
        }
        for (int i = kept; i < size; i++) {
            ring[slot(i)] = null;
        }
        size = kept;
        return removed;
    }

    /** How many messages have a sequence at or below {@code sequence}: they are the first ones. */
    private int countUpTo(long sequence) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (get(middle).sequence() <= sequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private PeerMessage get(int index) {
        return ring[slot(index)];
    }

    /** The array slot of the {@code index}-th oldest message; the ring's length is a power of two. */
    private int slot(int index) {
        return (head + index) & (ring.length - 1);
    }

    private void grow() {
        PeerMessage[] larger = Arrays.copyOf(ring, ring.length * 2);
        // The part that wrapped round to the array's start moves up behind the rest.
        System.arraycopy(ring, 0, larger, ring.length, head);
        Arrays.fill(larger, 0, head, null);
        ring = larger;
    }
}
