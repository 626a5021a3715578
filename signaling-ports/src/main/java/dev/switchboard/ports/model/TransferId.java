package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.regex.Pattern;

/** The opaque, unguessable id of a relay transfer: 16 to 64 URL-safe characters. */
public record TransferId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public TransferId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw SignalingException.invalid("transferId", "must be 16-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
