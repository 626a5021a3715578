package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.SignatureAlgorithm;
import java.time.Instant;
import java.util.Base64;

/**
 * A new HMAC credential; the only time its secret (base64url, no padding) is ever shown. {@code expiresAt}
 * tells the client when to ask for a new one; absent for a credential without a lifetime.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IssuedCredentialJson(String credentialId, String secret, String algorithm, Instant createdAt,
        Instant expiresAt) {

    static IssuedCredentialJson from(IssuedCredential credential) {
        return new IssuedCredentialJson(credential.credentialId(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(credential.secret()),
                SignatureAlgorithm.HMAC_SHA256.registeredName(), credential.createdAt(),
                credential.expiresAt().orElse(null));
    }

    @Override
    public String toString() {
        return "IssuedCredentialJson[credentialId=" + credentialId + ", secret=(redacted)]";
    }
}
