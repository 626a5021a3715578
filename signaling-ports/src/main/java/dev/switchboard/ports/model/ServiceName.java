package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.regex.Pattern;

/**
 * The service an offer is published under, as {@code name:version}, for example {@code chat:1.0}.
 * The name is 1-64 lower-case letters, digits, {@code .}, {@code _}, {@code -}, starting with a letter or
 * digit; the version 1-32 letters, digits, {@code .}, {@code _}, {@code -}, {@code +}.
 */
public record ServiceName(String value) {
    private static final Pattern FORMAT =
            Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}:[A-Za-z0-9][A-Za-z0-9._+-]{0,31}");

    public ServiceName {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw SignalingException.invalid("service",
                    "must be name:version (name: a-z 0-9 . _ -, up to 64; version: A-Z a-z 0-9 . _ + -, up to 32)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
