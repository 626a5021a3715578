package dev.switchboard.adapter.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The long-polls now waiting, so that shutdown can answer them all at once instead of waiting them out. */
final class PendingPolls {
    private final Set<LongPoll<?>> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean ended;

    /** Keeps {@code poll} until it completes; a poll that starts after {@link #endAll()} ends at once. */
    void track(LongPoll<?> poll) {
        waiting.add(poll);
        poll.outcome().whenComplete((reply, failure) -> waiting.remove(poll));
        if (ended) {
            poll.end();
        }
    }

    /** How many polls are waiting now. */
    int size() {
        return waiting.size();
    }

    /** Answers every waiting poll with its empty page, and every later one as it starts. */
    void endAll() {
        ended = true;
        waiting.forEach(LongPoll::end);
    }
}
