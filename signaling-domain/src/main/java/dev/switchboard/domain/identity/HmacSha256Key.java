package dev.switchboard.domain.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A shared HMAC-SHA256 secret (RFC 9421 §3.3.3), compared in constant time. */
final class HmacSha256Key implements VerificationKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HmacSha256Key(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The MAC of {@code data}, which is the signature a holder of this secret sends. */
    byte[] sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean verifies(byte[] signatureBase, byte[] signature) {
        return MessageDigest.isEqual(sign(signatureBase), signature);
    }
}
