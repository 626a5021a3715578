package dev.switchboard.app;

import dev.switchboard.ports.driven.Entropy;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The platform's entropy: a NIST SP 800-90A DRBG seeded by the operating system. Not
 * {@code SecureRandom.getInstanceStrong()}, which may block on Linux while the kernel gathers entropy.
 * Thread-safe.
 */
final class SecureRandomEntropy implements Entropy {
    private final SecureRandom random;

    private SecureRandomEntropy(SecureRandom random) {
        this.random = random;
    }

    static SecureRandomEntropy create() {
        try {
            return new SecureRandomEntropy(SecureRandom.getInstance("DRBG"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the DRBG SecureRandom is part of every Java 9+ platform", e);
        }
    }

    @Override
    public byte[] nextBytes(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        return random.nextLong(bound);
    }
}
