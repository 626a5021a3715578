package dev.switchboard.domain.identity;

import dev.switchboard.ports.model.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A client's signing key in tests: an HMAC credential or an Ed25519 key pair, with the key id it signs as. */
final class TestSigner {
    private final SignatureAlgorithm algorithm;
    private final String keyId;
    private final Signing signing;

    private interface Signing {
        byte[] sign(byte[] data) throws GeneralSecurityException;
    }

    private TestSigner(SignatureAlgorithm algorithm, String keyId, Signing signing) {
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.signing = signing;
    }

    static TestSigner hmac(String credentialId, byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        return new TestSigner(SignatureAlgorithm.HMAC_SHA256, credentialId, data -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        });
    }

    /** A fresh Ed25519 key pair. */
    static TestSigner ed25519() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            return ed25519(pair.getPrivate(), Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Ed25519 key given as a base64 PKCS#8 private key and its raw 32-byte public key. */
    static TestSigner ed25519(String pkcs8Base64, byte[] rawPublicKey) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
            return ed25519(key, rawPublicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestSigner ed25519(PrivateKey key, byte[] rawPublicKey) {
        String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey);
        return new TestSigner(SignatureAlgorithm.ED25519, keyId, data -> {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        });
    }

    /** The same key, presenting another key id: for requests whose key the server must not find. */
    TestSigner claimingKeyId(String otherKeyId) {
        return new TestSigner(algorithm, otherKeyId, signing);
    }

    SignatureAlgorithm algorithm() {
        return algorithm;
    }

    String keyId() {
        return keyId;
    }

    byte[] sign(String signatureBase) {
        try {
            return signing.sign(signatureBase.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
