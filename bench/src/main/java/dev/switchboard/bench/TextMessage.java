package dev.switchboard.bench;

import java.nio.ByteBuffer;

/**
 * The payload of the next outgoing text frame, built in place from ASCII pieces and decimal numbers with no
 * String in between. Its {@link WebSocketDriver} owns one and reuses it for every frame its thread sends
 * (see {@link WebSocketConnection#message()}).
 */
final class TextMessage {
    private static final int MAX_DIGITS = 19;

    private ByteBuffer buffer = ByteBuffer.allocate(1024);

    TextMessage clear() {
        buffer.clear();
        return this;
    }

    TextMessage put(byte[] ascii) {
        ensureRoom(ascii.length);
        buffer.put(ascii);
        return this;
    }

    /** Appends {@code value} in decimal; the generators only send times and counters, never negative. */
    TextMessage decimal(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a negative number in a benchmark message: " + value);
        }
        ensureRoom(MAX_DIGITS);
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int end = buffer.position() + digits;
        long rest = value;
        for (int i = end - 1; i >= buffer.position(); i--) {
            buffer.put(i, (byte) ('0' + rest % 10));
            rest /= 10;
        }
        buffer.position(end);
        return this;
    }

    byte[] bytes() {
        return buffer.array();
    }

    int length() {
        return buffer.position();
    }

    private void ensureRoom(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
            buffer.flip();
            buffer = bigger.put(buffer);
        }
    }
}
