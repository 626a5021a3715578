package dev.switchboard.domain;

import dev.switchboard.ports.driven.Entropy;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/** Entropy for tests: distinct byte strings from a counter, and seeded draws, so every run is the same. */
public final class PredictableEntropy implements Entropy {
    private final SplittableRandom draws = new SplittableRandom(20260102L);
    private long counter;

    @Override
    public synchronized byte[] nextBytes(int count) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.max(count, Long.BYTES));
        bytes.putLong(++counter);
        byte[] result = new byte[count];
        System.arraycopy(bytes.array(), 0, result, 0, count);
        return result;
    }

    @Override
    public synchronized long nextLong(long bound) {
        return draws.nextLong(bound);
    }
}
