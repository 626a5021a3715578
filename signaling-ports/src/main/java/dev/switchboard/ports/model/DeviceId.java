package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.regex.Pattern;

/** A device's id, chosen by its owner: 1 to 64 characters of A-Z a-z 0-9 . _ -, unique on the server. */
public record DeviceId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public DeviceId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw SignalingException.invalid("deviceId", "must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
