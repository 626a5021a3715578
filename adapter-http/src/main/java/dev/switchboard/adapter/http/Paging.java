package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;

/** The {@code limit} of the Enterprise listings: how many per page, within what one response may carry. */
final class Paging {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Paging() {}

    static int limit(QueryParameters query) {
        long limit = query.integer("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw SignalingException.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return (int) limit;
    }
}
