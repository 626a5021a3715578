package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import java.time.Duration;
import java.util.Set;

/**
 * The query of a read by cursor that may long-poll ({@code GET /v1/events}, {@code GET /v1/messages}):
 * {@code after} (default 0), {@code limit} (default 100) and {@code wait} in seconds (default 0, at most
 * the server's maximum).
 */
record PollQuery(long after, int limit, Duration waitFor) {
    static final Set<String> NAMES = Set.of("after", "limit", "wait");
    private static final int DEFAULT_LIMIT = 100;

    static PollQuery of(QueryParameters query, Duration maxWait) {
        long after = query.integer("after", 0);
        long limit = query.integer("limit", DEFAULT_LIMIT);
        long waitSeconds = query.integer("wait", 0);
        if (after < 0) {
            throw SignalingException.invalid("after", "must not be negative");
        }
        if (limit < 1 || limit > Integer.MAX_VALUE) {
            throw SignalingException.invalid("limit", "must be a positive number");
        }
        if (waitSeconds < 0 || waitSeconds > maxWait.toSeconds()) {
            throw SignalingException.invalid("wait", "must be from 0 to " + maxWait.toSeconds() + " seconds");
        }
        return new PollQuery(after, (int) limit, Duration.ofSeconds(waitSeconds));
    }

    boolean waits() {
        return !waitFor.isZero();
    }
}
