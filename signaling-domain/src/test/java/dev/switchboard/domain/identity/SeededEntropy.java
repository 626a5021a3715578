package dev.switchboard.domain.identity;

import dev.switchboard.ports.driven.Entropy;
import java.util.Random;

/** Predictable randomness for tests: one seed, one sequence of bytes. */
final class SeededEntropy implements Entropy {
    private final Random random;

    SeededEntropy(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized byte[] nextBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public synchronized long nextLong(long bound) {
        return random.nextLong(bound);
    }
}
