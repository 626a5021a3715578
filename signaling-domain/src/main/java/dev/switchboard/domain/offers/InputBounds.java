package dev.switchboard.domain.offers;

import dev.switchboard.ports.SignalingException;

/** Range checks shared by the reading use cases: page sizes and sequence cursors. */
final class InputBounds {

    private InputBounds() {}

    static int pageLimit(int limit, int maxPageSize) {
        if (limit < 1 || limit > maxPageSize) {
            throw SignalingException.invalid("limit", "must be between 1 and " + maxPageSize);
        }
        return limit;
    }

    static long sequenceCursor(long after) {
        if (after < 0) {
            throw SignalingException.invalid("after", "must not be negative");
        }
        return after;
    }
}
