package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decoded query parameters of a request, checked against the ones its route accepts: an unknown or
 * repeated parameter is {@code malformed_request}, so a typo never silently widens a query.
 */
final class QueryParameters {
    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters of(Map<String, Deque<String>> decoded, Set<String> accepted) {
        Map<String, String> values = new HashMap<>();
        decoded.forEach((name, given) -> {
            if (!accepted.contains(name)) {
                throw malformed("unknown query parameter '" + name + "'");
            }
            if (given.size() != 1) {
                throw malformed("query parameter '" + name + "' must appear at most once");
            }
            values.put(name, given.getFirst());
        });
        return new QueryParameters(values);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A comma-separated list; absent or empty is the empty list. */
    List<String> list(String name) {
        String value = values.getOrDefault(name, "");
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(",", -1));
    }

    /** A whole number, or {@code fallback} when absent; a non-number is {@code malformed_request}. */
    long integer(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed("query parameter '" + name + "' must be a whole number");
        }
    }

    private static SignalingException malformed(String message) {
        return new SignalingException(ErrorCode.MALFORMED_REQUEST, message);
    }
}
