package dev.switchboard.app.e2e;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs with a client-held Ed25519 key pair. The key id is the raw 32-byte public key in unpadded
 * base64url: the last 32 bytes of the X.509 encoding the JDK produces.
 */
final class Ed25519Signer implements RequestSigner {
    private final String keyId;
    private final PrivateKey privateKey;

    private Ed25519Signer(String keyId, PrivateKey privateKey) {
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    static Ed25519Signer generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            return new Ed25519Signer(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signer that claims {@code otherKeyId} but signs with this key: a forged signature. */
    Ed25519Signer impersonating(String otherKeyId) {
        return new Ed25519Signer(otherKeyId, privateKey);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String algorithm() {
        return "ed25519";
    }

    @Override
    public byte[] sign(byte[] signatureBase) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(signatureBase);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
