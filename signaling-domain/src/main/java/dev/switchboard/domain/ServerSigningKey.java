package dev.switchboard.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's HMAC-SHA256 key for the tokens it signs itself (invite tokens, connection tickets).
 * Separate from the master keys that seal secrets, so leaking one never exposes the other. Every instance
 * sharing a store must use the same key, or tokens issued by one are refused by another. The key never
 * leaves this object, and every tag is bound to a purpose, so a token made for one use never passes for
 * another.
 */
public final class ServerSigningKey {
    private static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    /** Shorter tags would make forgery by brute force plausible; 16 bytes leave 128 bits. */
    private static final int MIN_TAG_BYTES = 16;

    private final SecretKeySpec key;

    private ServerSigningKey(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static ServerSigningKey of(byte[] key) {
        Objects.requireNonNull(key, "server signing key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a server signing key must be exactly 32 bytes");
        }
        boolean allZero = true;
        for (byte b : key) {
            allZero &= b == 0;
        }
        if (allZero) {
            throw new IllegalArgumentException("a server signing key must not be all zeros");
        }
        return new ServerSigningKey(key);
    }

    /**
     * Parses a key written as 64 hexadecimal characters.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the key
     */
    public static ServerSigningKey parseHex(String hex) {
        Objects.requireNonNull(hex, "server signing key");
        String trimmed = hex.strip();
        if (trimmed.length() != KEY_BYTES * 2) {
            throw new IllegalArgumentException(
                    "a server signing key must be 64 hexadecimal characters, got " + trimmed.length());
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a server signing key must contain only hexadecimal characters 0-9 a-f");
        }
        return of(key);
    }

    /**
     * The 32-byte HMAC-SHA256 of {@code message} for {@code purpose}: the MAC covers the purpose's UTF-8
     * bytes, a zero byte, then the message, so a tag made for one purpose never verifies for another.
     *
     * @param purpose a fixed label such as {@code "switchboard invite v1"}; no zero characters
     */
    public byte[] sign(String purpose, byte[] message) {
        Objects.requireNonNull(message, "message");
        if (purpose == null || purpose.isBlank() || purpose.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("purpose must be a non-blank label without zero characters");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /**
     * Whether {@code tag} is {@link #sign} of the message for the purpose, or its first bytes (at least 16),
     * compared in constant time.
     */
    public boolean verifies(String purpose, byte[] message, byte[] tag) {
        Objects.requireNonNull(tag, "tag");
        if (tag.length < MIN_TAG_BYTES || tag.length > MAC_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(Arrays.copyOf(sign(purpose, message), tag.length), tag);
    }

    @Override
    public String toString() {
        return "ServerSigningKey[redacted]";
    }
}
