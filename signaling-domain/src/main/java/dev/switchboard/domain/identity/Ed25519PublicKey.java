package dev.switchboard.domain.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** A client's Ed25519 public key (RFC 9421 §3.3.6), named by its key id: the raw 32 bytes in base64url. */
final class Ed25519PublicKey implements VerificationKey {
    private static final int KEY_ID_LENGTH = 43;
    private static final int RAW_KEY_BYTES = 32;
    /** DER of SubjectPublicKeyInfo with the Ed25519 OID (RFC 8410), up to the raw key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey key;

    private Ed25519PublicKey(PublicKey key) {
        this.key = key;
    }

    /**
     * The key a key id names, if it is 43 characters of unpadded base64url that decode, canonically, to
     * 32 bytes. Canonical means one key has exactly one key id, and so one identity.
     */
    static Optional<Ed25519PublicKey> fromKeyId(String keyId) {
        if (keyId.length() != KEY_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(keyId);
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(keyId)) {
                return Optional.empty();
            }
            return Optional.of(fromRaw(raw));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    static Ed25519PublicKey fromRaw(byte[] raw) throws GeneralSecurityException {
        if (raw.length != RAW_KEY_BYTES) {
            throw new java.security.InvalidKeyException("an Ed25519 public key is 32 bytes, was " + raw.length);
        }
        byte[] encoded = new byte[X509_PREFIX.length + RAW_KEY_BYTES];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_KEY_BYTES);
        return new Ed25519PublicKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
    }

    /** False for a wrong signature and also for a key that is no valid curve point, which fails only here. */
    @Override
    public boolean verifies(byte[] signatureBase, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signatureBase);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
