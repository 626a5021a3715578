package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.regex.Pattern;

/** A member's id within a pairing session: 8 to 64 URL-safe characters. */
public record MemberId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public MemberId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw SignalingException.invalid("memberId", "must be 8-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
