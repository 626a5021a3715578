package dev.switchboard.app.e2e;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs with a server-issued credential: HMAC-SHA256 keyed with the credential's 32 secret bytes. */
final class HmacSigner implements RequestSigner {
    private final String credentialId;
    private final byte[] secret;

    HmacSigner(String credentialId, byte[] secret) {
        this.credentialId = credentialId;
        this.secret = secret.clone();
    }

    @Override
    public String keyId() {
        return credentialId;
    }

    @Override
    public String algorithm() {
        return "hmac-sha256";
    }

    @Override
    public byte[] sign(byte[] signatureBase) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signatureBase);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
