package dev.switchboard.domain.pairing;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.shared.SignedTokens;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The format of connection tickets: a version byte (1), the algorithm (1 byte), the key id (a length byte
 * and its UTF-8), the expiry in epoch seconds (8 bytes), a 16-byte random nonce, then a 16-byte tag under
 * the purpose {@value #PURPOSE}. Whether a ticket is still unexpired and unused is the redeemer's concern.
 */
final class ConnectionTickets {
    static final String PURPOSE = "switchboard ticket v1";
    static final int NONCE_BYTES = 16;
    private static final byte VERSION = 1;
    private static final int FIXED_BYTES = 1 + 1 + 1 + Long.BYTES + NONCE_BYTES;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SignedTokens tokens;

    ConnectionTickets(ServerSigningKey key) {
        this.tokens = new SignedTokens(key, PURPOSE);
    }

    /** What a genuine ticket says; {@code nonce} as unpadded base64url. */
    record Claims(Identity identity, Instant expiresAt, String nonce) {}

    String issue(Identity identity, Instant expiresAt, byte[] nonce) {
        byte[] keyId = identity.keyId().getBytes(StandardCharsets.UTF_8);
        if (keyId.length > 255 || nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("key ids of at most 255 bytes and 16-byte nonces only");
        }
        ByteBuffer body = ByteBuffer.allocate(FIXED_BYTES + keyId.length)
                .put(VERSION)
                .put(algorithmCode(identity.algorithm()))
                .put((byte) keyId.length)
                .put(keyId)
                .putLong(expiresAt.getEpochSecond())
                .put(nonce);
        return tokens.seal(body.array());
    }

    /** The claims of a genuine ticket, expired or not; {@code ticket_invalid} when malformed or forged. */
    Claims open(String token) {
        ByteBuffer body = tokens.open(token, PairingErrors::ticketInvalid);
        if (body.remaining() < FIXED_BYTES || body.get() != VERSION) {
            throw PairingErrors.ticketInvalid("unknown version or too short");
        }
        SignatureAlgorithm algorithm = algorithmOf(body.get());
        int keyIdLength = Byte.toUnsignedInt(body.get());
        if (algorithm == null || keyIdLength == 0 || body.remaining() != keyIdLength + Long.BYTES + NONCE_BYTES) {
            throw PairingErrors.ticketInvalid("unknown algorithm or inconsistent length");
        }
        byte[] keyId = new byte[keyIdLength];
        body.get(keyId);
        Instant expiresAt = Instant.ofEpochSecond(body.getLong());
        byte[] nonce = new byte[NONCE_BYTES];
        body.get(nonce);
        return new Claims(new Identity(algorithm, new String(keyId, StandardCharsets.UTF_8)), expiresAt,
                BASE64URL.encodeToString(nonce));
    }

    /** Stable codes, independent of the enum's declaration order. */
    private static byte algorithmCode(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case HMAC_SHA256 -> 1;
            case ED25519 -> 2;
        };
    }

    private static SignatureAlgorithm algorithmOf(byte code) {
        return switch (code) {
            case 1 -> SignatureAlgorithm.HMAC_SHA256;
            case 2 -> SignatureAlgorithm.ED25519;
            default -> null;
        };
    }
}
