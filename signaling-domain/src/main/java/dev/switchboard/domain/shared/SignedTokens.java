package dev.switchboard.domain.shared;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.ports.SignalingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * Server-signed tokens of one kind, each tag the truncated (16-byte) HMAC-SHA256 under the server signing
 * key for this kind's purpose label, so a token of one kind never verifies as another. Two layouts:
 * <ul>
 *   <li>compact ({@link #seal}/{@link #open}): unpadded base64url of a binary body followed by the tag over
 *       the body, for tokens that must fit a small QR code;</li>
 *   <li>dotted ({@link #sealDotted}/{@link #openDotted}): {@code <version>.<base64url body>.<base64url tag>},
 *       the tag over the ASCII of {@code <version>.<base64url body>}, so the version is signed too.</li>
 * </ul>
 */
public final class SignedTokens {
    public static final int TAG_BYTES = 16;
    /** Far above any real token; longer input is refused before it is decoded. */
    private static final int MAX_TOKEN_CHARS = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ServerSigningKey key;
    private final String purpose;

    public SignedTokens(ServerSigningKey key, String purpose) {
        this.key = Objects.requireNonNull(key, "key");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
    }

    public String seal(byte[] body) {
        byte[] tag = tagOf(body);
        return ENCODER.encodeToString(ByteBuffer.allocate(body.length + TAG_BYTES).put(body).put(tag).array());
    }

    /**
     * The body of {@code token} once its tag verifies (compared in constant time); otherwise the exception
     * {@code refusal} makes of the reason, which is meant for the log only.
     */
    public ByteBuffer open(String token, Function<String, SignalingException> refusal) {
        requireBounded(token, refusal);
        byte[] raw = decode(token, refusal);
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

    /** {@code <version>.<base64url body>.<base64url tag>}; {@code version} is a short label such as {@code v1}. */
    public String sealDotted(String version, byte[] body) {
        requireVersionLabel(version);
        String signed = version + "." + ENCODER.encodeToString(body);
        return signed + "." + ENCODER.encodeToString(tagOf(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The body of a dotted token of {@code version} once its tag verifies; otherwise {@code refusal}'s exception. */
    public ByteBuffer openDotted(String token, String version, Function<String, SignalingException> refusal) {
        requireBounded(token, refusal);
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first < 0 || first == last) {
            throw refusal.apply("not three dot-separated parts");
        }
        if (!token.substring(0, first).equals(version)) {
            throw refusal.apply("unknown version");
        }
        String signed = token.substring(0, last);
        byte[] body = decode(token.substring(first + 1, last), refusal);
        byte[] tag = decode(token.substring(last + 1), refusal);
        if (tag.length != TAG_BYTES || !key.verifies(purpose, signed.getBytes(StandardCharsets.US_ASCII), tag)) {
            throw refusal.apply("the tag does not verify under the server signing key");
        }
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    private byte[] tagOf(byte[] message) {
        return Arrays.copyOf(key.sign(purpose, message), TAG_BYTES);
    }

    private static void requireBounded(String token, Function<String, SignalingException> refusal) {
        if (token.length() > MAX_TOKEN_CHARS || token.indexOf('=') >= 0) {
            throw refusal.apply("longer than " + MAX_TOKEN_CHARS + " characters or padded");
        }
    }

    private static byte[] decode(String text, Function<String, SignalingException> refusal) {
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw refusal.apply("not base64url");
        }
    }

    private static void requireVersionLabel(String version) {
        if (version == null || !version.matches("[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("a token version is 1-8 characters of a-z 0-9");
        }
    }
}
