package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The type of a relayed signal: one of {@link #STANDARD} or an application type {@code app:<name>} with a
 * name of 1-64 characters of a-z 0-9 . _ -.
 */
public record SignalType(String value) {
    public static final Set<String> STANDARD = Set.of("offer", "answer", "ice-candidate", "key-exchange", "bye");
    private static final Pattern APPLICATION = Pattern.compile("app:[a-z0-9][a-z0-9._-]{0,63}");

    public SignalType {
        if (value == null || !(STANDARD.contains(value) || APPLICATION.matcher(value).matches())) {
            throw SignalingException.invalid("type",
                    "must be one of offer, answer, ice-candidate, key-exchange, bye, or app:<name>");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
