package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import java.util.List;

/** Presence checks for wire fields, failing as {@code validation_failed} named after the field. */
final class Required {

    private Required() {}

    static <T> T field(T value, String name) {
        if (value == null) {
            throw SignalingException.invalid(name, "is required");
        }
        return value;
    }

    /** A required list whose elements must not be null either. */
    static <T> List<T> list(List<T> values, String name) {
        field(values, name);
        for (int i = 0; i < values.size(); i++) {
            field(values.get(i), name + "[" + i + "]");
        }
        return values;
    }
}
