package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.regex.Pattern;

/** The opaque, unguessable id of an offer: 8 to 64 URL-safe characters. */
public record OfferId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public OfferId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw SignalingException.invalid("offerId", "must be 8-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
