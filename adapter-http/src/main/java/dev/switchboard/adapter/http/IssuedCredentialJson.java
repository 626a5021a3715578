package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.SignatureAlgorithm;
import java.time.Instant;
import java.util.Base64;

/** A new HMAC credential; the only time its secret (base64url, no padding) is ever shown. */
record IssuedCredentialJson(String credentialId, String secret, String algorithm, Instant createdAt) {

    static IssuedCredentialJson from(IssuedCredential credential) {
        return new IssuedCredentialJson(credential.credentialId(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(credential.secret()),
                SignatureAlgorithm.HMAC_SHA256.registeredName(), credential.createdAt());
    }

    @Override
    public String toString() {
        return "IssuedCredentialJson[credentialId=" + credentialId + ", secret=(redacted)]";
    }
}
