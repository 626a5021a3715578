package dev.switchboard.domain.shared;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.model.InviteCode;
import java.util.Objects;

/**
 * Draws invite codes uniformly: the alphabet has 32 symbols, so 5 random bytes split into eight 5-bit
 * groups give each character without rejection sampling or modulo bias.
 */
public final class InviteCodes {
    private static final int BITS_PER_SYMBOL = 5;
    private static final int RANDOM_BYTES = InviteCode.LENGTH * BITS_PER_SYMBOL / Byte.SIZE;
    private static final int SYMBOL_MASK = (1 << BITS_PER_SYMBOL) - 1;

    static {
        if (InviteCode.ALPHABET.length() != 1 << BITS_PER_SYMBOL) {
            throw new ExceptionInInitializerError("the invite code alphabet must have exactly 32 symbols");
        }
    }

    private final Entropy entropy;

    public InviteCodes(Entropy entropy) {
        this.entropy = Objects.requireNonNull(entropy, "entropy");
    }

    public InviteCode next() {
        long bits = 0;
        for (byte b : entropy.nextBytes(RANDOM_BYTES)) {
            bits = bits << Byte.SIZE | (b & 0xFF);
        }
        char[] symbols = new char[InviteCode.LENGTH];
        for (int i = symbols.length - 1; i >= 0; i--) {
            symbols[i] = InviteCode.ALPHABET.charAt((int) (bits & SYMBOL_MASK));
            bits >>>= BITS_PER_SYMBOL;
        }
        return new InviteCode(new String(symbols));
    }
}
