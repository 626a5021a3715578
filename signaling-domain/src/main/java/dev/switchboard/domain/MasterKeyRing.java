package dev.switchboard.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The AES-256 master keys that seal credential secrets at rest: one current key that seals new secrets,
 * and any number of retired keys that still open old ones, so keys can rotate without downtime. A key's
 * id is derived from the key itself (a SHA-256 fingerprint prefix), so ids never need configuring.
 */
public final class MasterKeyRing {
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, byte[]> keysById;

    private MasterKeyRing(byte[] current, List<byte[]> retired) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        this.currentKeyId = idOf(current);
        keys.put(currentKeyId, current.clone());
        for (byte[] key : retired) {
            keys.putIfAbsent(idOf(key), key.clone());
        }
        this.keysById = Map.copyOf(keys);
    }

    /** A ring that seals with {@code current} and opens secrets sealed with it or any of {@code retired}. */
    public static MasterKeyRing of(byte[] current, List<byte[]> retired) {
        requireKey(current);
        retired.forEach(MasterKeyRing::requireKey);
        return new MasterKeyRing(current, retired);
    }

    public static MasterKeyRing of(byte[] current) {
        return of(current, List.of());
    }

    /**
     * Parses a key written as 64 hexadecimal characters.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the key
     */
    public static byte[] parseHexKey(String hex) {
        Objects.requireNonNull(hex, "master key");
        String trimmed = hex.strip();
        if (trimmed.length() != KEY_BYTES * 2) {
            throw new IllegalArgumentException(
                    "a master key must be 64 hexadecimal characters, got " + trimmed.length() + " characters");
        }
        try {
            return HexFormat.of().parseHex(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a master key must contain only hexadecimal characters 0-9 a-f");
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The key that seals new secrets. */
    public byte[] currentKey() {
        return keysById.get(currentKeyId).clone();
    }

    /** The key with {@code keyId}, if this ring still holds it. */
    public Optional<byte[]> key(String keyId) {
        return Optional.ofNullable(keysById.get(keyId)).map(byte[]::clone);
    }

    private static void requireKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key must be exactly 32 bytes (AES-256)");
        }
        boolean allZero = true;
        for (byte b : key) {
            allZero &= b == 0;
        }
        if (allZero) {
            throw new IllegalArgumentException("a master key must not be all zeros");
        }
    }

    private static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "mk-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKeyRing[current=" + currentKeyId + ", keys=" + keysById.keySet() + "]";
    }
}
