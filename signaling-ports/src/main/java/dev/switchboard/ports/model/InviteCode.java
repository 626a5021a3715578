package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.util.Locale;

/**
 * A short code a person can read out or type: {@value #LENGTH} characters from {@link #ALPHABET}, which
 * leaves out the look-alikes 0/O and 1/I/l. Case-insensitive on input, upper case when stored.
 */
public record InviteCode(String value) {
    /** 32 symbols, so each character carries 5 bits and a code 40. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;

    public InviteCode {
        if (value == null) {
            throw SignalingException.invalid("code", "is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw SignalingException.invalid("code",
                    "must be " + LENGTH + " characters of " + ALPHABET + " (no 0, O, 1, I or l)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
