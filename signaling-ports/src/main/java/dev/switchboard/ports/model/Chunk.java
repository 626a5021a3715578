package dev.switchboard.ports.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One uploaded chunk of a transfer: opaque (client-encrypted) bytes and their SHA-256, which decides
 * whether a repeated upload of the same index is the same chunk (idempotent) or a different one (conflict).
 * The bytes are copied in and out, so a chunk never changes after it is made.
 */
public final class Chunk {
    private final TransferId transferId;
    private final int index;
    private final byte[] bytes;
    private final String sha256;

    public Chunk(TransferId transferId, int index, byte[] bytes, String sha256) {
        this.transferId = Objects.requireNonNull(transferId, "transferId");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        this.index = index;
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> HexFormat.isHexDigit(c) && !Character.isUpperCase(c))) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hexadecimal characters");
        }
    }

    public TransferId transferId() {
        return transferId;
    }

    public int index() {
        return index;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** Lower-case hex of the SHA-256 of the bytes. */
    public String sha256() {
        return sha256;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Chunk that && transferId.equals(that.transferId) && index == that.index
                && sha256.equals(that.sha256) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transferId, index, sha256);
    }

    @Override
    public String toString() {
        return "Chunk[" + transferId + "#" + index + ", " + bytes.length + " bytes, sha256=" + sha256 + "]";
    }
}
