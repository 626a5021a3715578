package dev.switchboard.ports.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret encrypted at rest (AES-256-GCM): the id of the master key that sealed it, the 96-bit IV, and
 * the ciphertext with its tag. Naming the key lets master keys rotate without re-encrypting at once.
 */
public record SealedSecret(String masterKeyId, byte[] iv, byte[] ciphertext) {
    public SealedSecret {
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        if (iv.length != 12) {
            throw new IllegalArgumentException("iv must be 12 bytes, was " + iv.length);
        }
        if (ciphertext.length == 0) {
            throw new IllegalArgumentException("ciphertext must not be empty");
        }
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && masterKeyId.equals(that.masterKeyId)
                && Arrays.equals(iv, that.iv) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(masterKeyId, Arrays.hashCode(iv), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "SealedSecret[masterKeyId=" + masterKeyId + "]";
    }
}
