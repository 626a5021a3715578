package dev.switchboard.domain.identity;

import dev.switchboard.domain.identity.BareItem.BooleanItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The ordered parameters of an RFC 8941 item or inner list; order matters because it is signed. */
record Parameters(Map<String, BareItem> values) {
    static final Parameters NONE = new Parameters(Map.of());

    Parameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    Optional<BareItem> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** RFC 8941 §4.1.1.2: {@code ;key=value}, or a bare {@code ;key} for boolean true. */
    String serialize() {
        StringBuilder out = new StringBuilder();
        values.forEach((key, value) -> {
            out.append(';').append(key);
            if (!value.equals(new BooleanItem(true))) {
                out.append('=').append(value.serialize());
            }
        });
        return out.toString();
    }
}
