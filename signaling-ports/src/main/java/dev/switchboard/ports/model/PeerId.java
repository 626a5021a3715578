package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;

/**
 * A PeerJS peer id, as the {@code peerjs} client validates it: letters and digits, single spaces, hyphens
 * or underscores between them (so a UUID passes), at most 64 characters.
 */
public record PeerId(String value) {
    public static final int MAX_LENGTH = 64;

    public PeerId {
        if (value == null || value.length() > MAX_LENGTH || !wellFormed(value)) {
            throw SignalingException.invalid("id", "must be 1-64 letters and digits, joined by single spaces, - or _");
        }
    }

    /**
     * {@code [A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*}, checked by hand: ids are checked on every relayed message, and a
     * regular expression's matcher is an allocation each time. Such an id never needs escaping in JSON.
     */
    private static boolean wellFormed(String value) {
        boolean afterSeparator = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                afterSeparator = false;
            } else if ((c == ' ' || c == '_' || c == '-') && !afterSeparator) {
                afterSeparator = true;
            } else {
                return false;
            }
        }
        return !afterSeparator;
    }

    @Override
    public String toString() {
        return value;
    }
}
