package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.AcknowledgeMessages;
import dev.switchboard.ports.driving.FetchMessages;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MessagePage;
import dev.switchboard.ports.model.SessionMessage;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mailbox for the adapter's tests, standing in for the core's: messages get increasing sequences as they
 * are delivered, fetching returns the unacknowledged ones after a cursor, and delivering wakes the watch,
 * as the core's publisher does. Every fetch, acknowledgement is recorded for the tests to check.
 */
final class FakeMailbox implements FetchMessages, AcknowledgeMessages {
    private final ManualWatch watch;
    private final NavigableMap<Long, SessionMessage> messages = new ConcurrentSkipListMap<>();
    private final List<Long> fetchedAfter = new CopyOnWriteArrayList<>();
    private final List<Long> acknowledgedUpTo = new CopyOnWriteArrayList<>();
    private long lastSequence;

    FakeMailbox(ManualWatch watch) {
        this.watch = watch;
    }

    /** Stores the messages with the next sequences (in order), then wakes whoever watches. */
    void deliver(SessionMessage... delivered) {
        synchronized (this) {
            for (SessionMessage message : delivered) {
                lastSequence++;
                messages.put(lastSequence, message.withSequence(lastSequence));
            }
        }
        watch.wake();
    }

    @Override
    public MessagePage fetch(Identity caller, long afterSequence, int limit) {
        fetchedAfter.add(afterSequence);
        List<SessionMessage> page = messages.tailMap(afterSequence, false).values().stream().limit(limit).toList();
        return new MessagePage(page, page.isEmpty() ? afterSequence : page.get(page.size() - 1).sequence());
    }

    @Override
    public int acknowledge(Identity caller, long upToSequence) {
        acknowledgedUpTo.add(upToSequence);
        NavigableMap<Long, SessionMessage> acknowledged = messages.headMap(upToSequence, true);
        int count = acknowledged.size();
        acknowledged.clear();
        return count;
    }

    /** The {@code after} of every fetch so far, in order. */
    List<Long> fetchedAfter() {
        return List.copyOf(fetchedAfter);
    }

    List<Long> acknowledgedUpTo() {
        return List.copyOf(acknowledgedUpTo);
    }
}
