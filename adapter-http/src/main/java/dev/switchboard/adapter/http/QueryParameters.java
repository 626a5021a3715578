package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decoded query parameters of a request, checked against the ones its route accepts: an unknown
 * parameter, or one repeated that the route does not let repeat, is {@code malformed_request}, so a typo
 * never silently widens a query.
 */
final class QueryParameters {
    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryParameters of(Map<String, List<String>> decoded, Set<String> accepted) {
        return of(decoded, accepted, Set.of());
    }

    static QueryParameters of(Map<String, List<String>> decoded, Set<String> accepted, Set<String> repeatable) {
        Map<String, List<String>> values = new HashMap<>();
        decoded.forEach((name, given) -> {
            if (!accepted.contains(name)) {
                throw malformed("unknown query parameter '" + name + "'");
            }
            if (given.size() != 1 && !repeatable.contains(name)) {
                throw malformed("query parameter '" + name + "' must appear at most once");
            }
            values.put(name, List.copyOf(given));
        });
        return new QueryParameters(values);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(given -> given.get(0));
    }

    /** Every value of a repeatable parameter, each also split at commas; absent or empty values are left out. */
    List<String> every(String name) {
        return values.getOrDefault(name, List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",", -1)))
                .filter(value -> !value.isEmpty())
                .toList();
    }

    /** A comma-separated list; absent or empty is the empty list. */
    List<String> list(String name) {
        String value = text(name).orElse("");
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(",", -1));
    }

    /** A whole number, or {@code fallback} when absent; a non-number is {@code malformed_request}. */
    long integer(String name, long fallback) {
        String value = text(name).orElse(null);
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
