package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.nio.charset.StandardCharsets;

/** An SDP offer or answer, carried verbatim: non-blank, at most {@value #MAX_BYTES} bytes of UTF-8. */
public record Sdp(String value) {
    public static final int MAX_BYTES = 64 * 1024;

    public Sdp {
        if (value == null || value.isBlank()) {
            throw SignalingException.invalid("sdp", "must not be blank");
        }
        // A char is at most 3 UTF-8 bytes, so only long strings need the exact count.
        if (value.length() * 3L > MAX_BYTES && value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw SignalingException.invalid("sdp", "must be at most " + MAX_BYTES + " bytes of UTF-8");
        }
    }

    @Override
    public String toString() {
        return "Sdp[" + value.length() + " chars]";
    }
}
