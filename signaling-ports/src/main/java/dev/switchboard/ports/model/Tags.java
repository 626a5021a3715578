package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Up to {@value #MAX_TAGS} distinct labels on an offer, in the order first given. A tag is 1-64
 * lower-case letters, digits, {@code .}, {@code _}, {@code -}, {@code :}, starting with a letter or digit.
 * Repeated tags collapse into one.
 */
public record Tags(List<String> values) {
    public static final int MAX_TAGS = 20;
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,63}");

    public Tags {
        Objects.requireNonNull(values, "tags");
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String tag : values) {
            if (tag == null || !FORMAT.matcher(tag).matches()) {
                throw SignalingException.invalid("tags",
                        "each tag must be 1-64 characters of a-z 0-9 . _ - : starting with a letter or digit");
            }
            distinct.add(tag);
        }
        if (distinct.size() > MAX_TAGS) {
            throw SignalingException.invalid("tags", "at most " + MAX_TAGS + " tags");
        }
        values = List.copyOf(distinct);
    }

    public static Tags none() {
        return new Tags(List.of());
    }

    public static Tags of(String... tags) {
        return new Tags(List.of(tags));
    }

    /** Whether every tag of {@code required} is also one of these. */
    public boolean containsAll(Tags required) {
        return values.containsAll(required.values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
