package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.regex.Pattern;

/**
 * A PeerJS peer id, as the {@code peerjs} client validates it: letters and digits, single spaces, hyphens
 * or underscores between them (so a UUID passes), at most 64 characters.
 */
public record PeerId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*");
    public static final int MAX_LENGTH = 64;

    public PeerId {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw SignalingException.invalid("id", "must be 1-64 letters and digits, joined by single spaces, - or _");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
