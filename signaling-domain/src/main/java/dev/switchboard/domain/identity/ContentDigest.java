package dev.switchboard.domain.identity;

import dev.switchboard.domain.identity.BareItem.ByteSequenceItem;
import dev.switchboard.ports.model.SignedRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Checks an RFC 9530 {@code Content-Digest} against the body. The signature covers the header, and this
 * check ties the header to the bytes, so together they sign the body.
 */
final class ContentDigest {
    private static final String FIELD = "Content-Digest";
    private static final String ALGORITHM = "sha-256";

    private ContentDigest() {}

    /** Requires a {@code sha-256} member equal to the SHA-256 of the body; other members are ignored. */
    static void verify(SignedRequest request) {
        List<String> lines = request.header(FIELD);
        if (lines.isEmpty()) {
            throw SignatureErrors.digestMismatch("a request with a body needs a Content-Digest header with sha-256");
        }
        String value = String.join(", ", lines);
        if (value.length() > SignatureHeaders.MAX_FIELD_LENGTH) {
            throw SignatureErrors.digestMismatch(
                    FIELD + " is longer than " + SignatureHeaders.MAX_FIELD_LENGTH + " characters");
        }
        FieldDictionary digests;
        try {
            digests = StructuredFieldParser.parseDictionary(value);
        } catch (StructuredFieldException e) {
            throw SignatureErrors.digestMismatch(
                    FIELD + " is not a valid structured-field dictionary: " + e.getMessage());
        }
        Optional<DictionaryMember> sha256 = digests.get(ALGORITHM);
        if (sha256.isEmpty()
                || !(sha256.get() instanceof Item item && item.value() instanceof ByteSequenceItem claimed)) {
            throw SignatureErrors.digestMismatch(FIELD + " must carry sha-256 as a byte sequence: sha-256=:<base64>:");
        }
        if (!MessageDigest.isEqual(sha256(request.body()), claimed.value())) {
            throw SignatureErrors.digestMismatch(FIELD + " sha-256 does not match the body");
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
