package dev.switchboard.domain;

import dev.switchboard.ports.driven.Entropy;
import java.util.SplittableRandom;

/** Entropy for tests: seeded, so every run draws the same bytes and numbers. */
public final class PredictableEntropy implements Entropy {
    private final SplittableRandom draws = new SplittableRandom(20260102L);

    @Override
    public synchronized byte[] nextBytes(int count) {
        byte[] result = new byte[count];
        draws.nextBytes(result);
        return result;
    }

    @Override
    public synchronized long nextLong(long bound) {
        return draws.nextLong(bound);
    }
}
