package dev.switchboard.bench;

import java.nio.charset.StandardCharsets;

/**
 * One whole text frame from the server, viewed in place in its connection's read buffer from {@code offset} to
 * {@code end}: valid only during the call it is passed to. Generators read the few fields they need with ASCII
 * scans, never a String or a JSON tree, so that reading a frame costs them next to nothing. Positions are
 * indexes into {@code bytes}.
 */
record TextFrame(byte[] bytes, int offset, int end) {

    boolean startsWith(byte[] prefix) {
        return end - offset >= prefix.length && matchesAt(offset, prefix);
    }

    /** Where {@code pattern} first occurs, or -1. */
    int indexOf(byte[] pattern) {
        return indexOf(pattern, offset);
    }

    /** Where {@code pattern} first occurs at or after {@code from}, or -1. */
    int indexOf(byte[] pattern, int from) {
        for (int i = Math.max(from, offset); i <= end - pattern.length; i++) {
            if (matchesAt(i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    /** The decimal digits at {@code at}, up to the first other byte. */
    long readLong(int at) {
        long value = 0;
        for (int i = at; i < end && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    /** The frame's text, for reports of unexpected frames. */
    @Override
    public String toString() {
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private boolean matchesAt(int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (bytes[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
