package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An ICE candidate as the client sent it: an opaque JSON object, serialised, at most
 * {@value #MAX_BYTES} bytes of UTF-8 and nested at most {@value #MAX_DEPTH} levels deep. Transports parse
 * and re-serialise it, so it is well-formed JSON; this value checks the limits that are ours.
 */
public record IceCandidate(String json) {
    public static final int MAX_BYTES = 4 * 1024;
    public static final int MAX_DEPTH = 10;

    public IceCandidate {
        Objects.requireNonNull(json, "candidate");
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw SignalingException.invalid("candidate", "must be a JSON object");
        }
        if (trimmed.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw SignalingException.invalid("candidate", "must be at most " + MAX_BYTES + " bytes");
        }
        if (depthOf(trimmed) > MAX_DEPTH) {
            throw SignalingException.invalid("candidate", "must be nested at most " + MAX_DEPTH + " levels deep");
        }
        json = trimmed;
    }

    /** Deepest nesting of objects and arrays, ignoring brackets inside strings. */
    private static int depthOf(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
