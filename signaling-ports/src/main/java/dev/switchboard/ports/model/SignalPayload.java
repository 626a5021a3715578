package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The opaque payload of a signal, as serialised JSON text (an object, array, string, number...): at most
 * {@value #MAX_BYTES} bytes of UTF-8. Transports parse and re-serialise it, so it is well-formed JSON; the
 * server never looks inside.
 */
public record SignalPayload(String json) {
    public static final int MAX_BYTES = 64 * 1024;

    public SignalPayload {
        Objects.requireNonNull(json, "payload");
        if (json.isBlank()) {
            throw SignalingException.invalid("payload", "is required");
        }
        if (json.length() * 3L > MAX_BYTES && json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw SignalingException.invalid("payload", "must be at most " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public String toString() {
        return "SignalPayload[" + json.length() + " chars]";
    }
}
