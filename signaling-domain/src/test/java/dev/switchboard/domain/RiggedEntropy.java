package dev.switchboard.domain;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.model.InviteCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Seeded randomness for tests, whose invite code draws (the only 5-byte draws) can be scripted so that a
 * test decides which codes come out, for example the same one twice.
 */
public final class RiggedEntropy implements Entropy {
    private static final int CODE_DRAW_BYTES = 5;

    private final SplittableRandom random = new SplittableRandom(20260104L);
    private final Deque<byte[]> scriptedCodes = new ArrayDeque<>();

    /** The next invite code draws produce these codes, in order; unscripted draws are random again. */
    public synchronized void drawCodes(String... codes) {
        for (String code : codes) {
            scriptedCodes.add(bytesOf(new InviteCode(code)));
        }
    }

    @Override
    public synchronized byte[] nextBytes(int count) {
        if (count == CODE_DRAW_BYTES && !scriptedCodes.isEmpty()) {
            return scriptedCodes.poll();
        }
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public synchronized long nextLong(long bound) {
        return random.nextLong(bound);
    }

    /** The 40 bits that draw {@code code}: each symbol's alphabet index, 5 bits each, most significant first. */
    private static byte[] bytesOf(InviteCode code) {
        long bits = 0;
        for (char symbol : code.value().toCharArray()) {
            bits = bits << 5 | InviteCode.ALPHABET.indexOf(symbol);
        }
        byte[] bytes = new byte[CODE_DRAW_BYTES];
        for (int i = bytes.length - 1; i >= 0; i--) {
            bytes[i] = (byte) bits;
            bits >>>= 8;
        }
        return bytes;
    }
}
