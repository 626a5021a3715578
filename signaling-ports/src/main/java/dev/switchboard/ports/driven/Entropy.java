package dev.switchboard.ports.driven;

/** Cryptographically strong randomness. Injected so that tests can make it predictable. */
public interface Entropy {

    /** {@code count} random bytes. */
    byte[] nextBytes(int count);

    /** A uniformly random value in {@code [0, bound)}; {@code bound} must be positive. */
    long nextLong(long bound);
}
