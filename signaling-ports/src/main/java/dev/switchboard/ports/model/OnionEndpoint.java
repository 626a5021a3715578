package dev.switchboard.ports.model;

import dev.switchboard.ports.SignalingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A Tor v3 onion service address and port. The address is 56 base32 characters and {@code .onion}:
 * a 32-byte Ed25519 public key, a 2-byte checksum and the version byte 3, where the checksum is the first two
 * bytes of SHA3-256(".onion checksum" | key | version) (Tor's rend-spec-v3), so a mistyped address is caught.
 */
public record OnionEndpoint(String address, int port) {
    private static final String SUFFIX = ".onion";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int ENCODED_LENGTH = 56;
    private static final byte VERSION = 3;

    public OnionEndpoint {
        if (address == null) {
            throw SignalingException.invalid("onion.address", "is required");
        }
        address = address.strip().toLowerCase(Locale.ROOT);
        if (!address.endsWith(SUFFIX) || address.length() != ENCODED_LENGTH + SUFFIX.length()) {
            throw SignalingException.invalid("onion.address", "must be 56 base32 characters followed by .onion");
        }
        byte[] decoded = decodeBase32(address.substring(0, ENCODED_LENGTH));
        if (decoded == null) {
            throw SignalingException.invalid("onion.address", "must use only the base32 characters a-z and 2-7");
        }
        if (decoded[34] != VERSION) {
            throw SignalingException.invalid("onion.address", "has version " + decoded[34] + "; only v3 is supported");
        }
        byte[] key = Arrays.copyOfRange(decoded, 0, 32);
        byte[] expected = checksum(key);
        if (decoded[32] != expected[0] || decoded[33] != expected[1]) {
            throw SignalingException.invalid("onion.address", "has a wrong checksum (mistyped?)");
        }
        if (port < 1 || port > 65_535) {
            throw SignalingException.invalid("onion.port", "must be between 1 and 65535");
        }
    }

    private static byte[] checksum(byte[] key) {
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            sha3.update(".onion checksum".getBytes(StandardCharsets.US_ASCII));
            sha3.update(key);
            sha3.update(VERSION);
            return sha3.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-256 is required by every Java platform since 9", e);
        }
    }

    /** 56 base32 characters are exactly 35 bytes; null when a character is outside the alphabet. */
    private static byte[] decodeBase32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int position = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = BASE32.indexOf(text.charAt(i));
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[position++] = (byte) (buffer >>> bits);
            }
        }
        return out;
    }
}
