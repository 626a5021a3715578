package dev.switchboard.domain.pairing;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.ports.SignalingException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;

/**
 * Server-signed tokens of one kind: unpadded base64url of a binary body followed by a 16-byte tag, the
 * truncated HMAC-SHA256 of the body under the server signing key for this kind's purpose label. The label
 * keeps the kinds apart: a token of one kind never verifies as another.
 */
final class SignedTokens {
    static final int TAG_BYTES = 16;
    /** Far above any real token; longer input is refused before it is decoded. */
    private static final int MAX_TOKEN_CHARS = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ServerSigningKey key;
    private final String purpose;

    SignedTokens(ServerSigningKey key, String purpose) {
        this.key = key;
        this.purpose = purpose;
    }

    String seal(byte[] body) {
        byte[] tag = Arrays.copyOf(key.sign(purpose, body), TAG_BYTES);
        return ENCODER.encodeToString(ByteBuffer.allocate(body.length + TAG_BYTES).put(body).put(tag).array());
    }

    /**
     * The body of {@code token} once its tag verifies (compared in constant time); otherwise the exception
     * {@code refusal} makes of the reason, which is meant for the log only.
     */
    ByteBuffer open(String token, Function<String, SignalingException> refusal) {
        if (token.length() > MAX_TOKEN_CHARS || token.indexOf('=') >= 0) {
            throw refusal.apply("longer than " + MAX_TOKEN_CHARS + " characters or padded");
        }
        byte[] raw;
        try {
            raw = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw refusal.apply("not base64url");
        }
        if (raw.length <= TAG_BYTES) {
            throw refusal.apply("too short to hold a tag");
        }
        byte[] body = Arrays.copyOf(raw, raw.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(raw, raw.length - TAG_BYTES, raw.length);
        if (!key.verifies(purpose, body, tag)) {
            throw refusal.apply("the tag does not verify under the server signing key");
        }
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }
}
