package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The set-up side of a benchmark client: HTTP calls signed as RFC 9421 with an HMAC credential
 * ({@code @method}, {@code @target-uri}, {@code content-digest}), as {@code docs/signing.md} describes.
 * Only the set-up goes through here; the measured traffic flows over WebSockets.
 */
final class SignedHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client;
    private final URI base;

    SignedHttp(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    /** An identity: a fresh server-issued HMAC credential. */
    record Credential(String id, byte[] secret) {}

    CompletableFuture<Credential> issueCredential() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/credentials"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return send(request, 201).thenApply(json -> new Credential(json.get("credentialId").asText(),
                Base64.getUrlDecoder().decode(json.get("secret").asText())));
    }

    /**
     * A signed POST, with a JSON body unless {@code body} is null; completes with the response's JSON, or
     * fails unless the status is {@code expected}.
     */
    CompletableFuture<JsonNode> post(Credential credential, String path, String body, int expected) {
        URI target = base.resolve(path);
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String signed = body == null ? "(\"@method\" \"@target-uri\")" : "(\"@method\" \"@target-uri\" \"content-digest\")";
        String params = signed + ";created=" + System.currentTimeMillis() / 1000
                + ";nonce=\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes)
                + "\";keyid=\"" + credential.id() + "\";alg=\"hmac-sha256\"";
        HttpRequest.Builder request = HttpRequest.newBuilder(target);
        StringBuilder signatureBase = new StringBuilder("\"@method\": POST\n\"@target-uri\": ").append(target);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String digest = "sha-256=:" + Base64.getEncoder().encodeToString(sha256(bytes)) + ":";
            signatureBase.append("\n\"content-digest\": ").append(digest);
            request.header("Content-Type", "application/json").header("Content-Digest", digest)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        signatureBase.append("\n\"@signature-params\": ").append(params);
        String signature = Base64.getEncoder().encodeToString(
                hmac(credential.secret(), signatureBase.toString().getBytes(StandardCharsets.US_ASCII)));
        request.header("Signature-Input", "sig1=" + params).header("Signature", "sig1=:" + signature + ":");
        return send(request.build(), expected);
    }

    private CompletableFuture<JsonNode> send(HttpRequest request, int expected) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("unreadable response from " + request.uri().getPath(), e);
            }
        });
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
