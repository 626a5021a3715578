package dev.switchboard.app.e2e;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * One signed request, built the way a client library would, with knobs to break it on purpose. It
 * covers {@code @method}, {@code @target-uri} and, when there is a body, {@code content-digest}, with
 * {@code created}, a fresh {@code nonce}, {@code keyid} and {@code alg}. Parameters are fixed when the
 * call is made, so sending it twice replays it exactly.
 */
final class SignedCall {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final RequestSigner signer;
    private final String method;
    private final String pathAndQuery;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private byte[] body;
    private byte[] sentBody;
    private String contentType = "application/json";
    private List<String> components;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String signedTarget;
    private UnaryOperator<byte[]> signatureTransform = UnaryOperator.identity();
    private List<String> declaredComponents;
    private boolean digestOfSentBody;

    SignedCall(Api api, RequestSigner signer, String method, String pathAndQuery) {
        this.api = api;
        this.signer = signer;
        this.method = method;
        this.pathAndQuery = pathAndQuery;
        parameters.put("created", Instant.now().getEpochSecond());
        parameters.put("nonce", freshNonce());
        parameters.put("keyid", signer.keyId());
        parameters.put("alg", signer.algorithm());
    }

    /** 18 random bytes: 24 characters of unpadded base64url. */
    static String freshNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    SignedCall json(Object value) {
        return body(Json.bytes(value));
    }

    SignedCall body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    SignedCall contentType(String value) {
        this.contentType = value;
        return this;
    }

    /** Sends a header the signature does not cover, such as a transfer's {@code Authorization: Bearer}. */
    SignedCall header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Presents a capability token alongside the signature. */
    SignedCall bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    SignedCall created(long epochSeconds) {
        parameters.put("created", epochSeconds);
        return this;
    }

    SignedCall nonce(String value) {
        parameters.put("nonce", value);
        return this;
    }

    SignedCall algorithm(String value) {
        parameters.put("alg", value);
        return this;
    }

    SignedCall without(String parameter) {
        parameters.remove(parameter);
        return this;
    }

    /** Covers exactly these components instead of the defaults. */
    SignedCall covering(String... covered) {
        this.components = List.of(covered);
        return this;
    }

    /** Signs (and digests) the body as given, but sends {@code other} in its place. */
    SignedCall sendingBodyInstead(byte[] other) {
        this.sentBody = other.clone();
        return this;
    }

    /** Signs over {@code otherPathAndQuery} as the {@code @target-uri}, but sends the request to the real one. */
    SignedCall signingTargetInstead(String otherPathAndQuery) {
        this.signedTarget = otherPathAndQuery;
        return this;
    }

    /** Sends {@code transform(signature)} instead of the signature made: forged or truncated bytes. */
    SignedCall transformingSignature(UnaryOperator<byte[]> transform) {
        this.signatureTransform = transform;
        return this;
    }

    /** Signs over the components in their order, but declares them in {@code Signature-Input} as {@code order}. */
    SignedCall declaringComponentsAs(String... order) {
        this.declaredComponents = List.of(order);
        return this;
    }

    /** With {@link #sendingBodyInstead}: sends a {@code Content-Digest} that matches the swapped body. */
    SignedCall withDigestOfSentBody() {
        this.digestOfSentBody = true;
        return this;
    }

    ApiResponse send() {
        return api.send(request());
    }

    CompletableFuture<ApiResponse> sendAsync() {
        return api.sendAsync(request());
    }

    HttpRequest request() {
        String digest = body == null ? null : Rfc9421.contentDigest(body);
        List<String> covered = components != null ? components
                : body == null ? List.of("@method", "@target-uri")
                : List.of("@method", "@target-uri", "content-digest");
        Map<String, String> values = new LinkedHashMap<>();
        for (String component : covered) {
            values.put(component, switch (component) {
                case "@method" -> method;
                case "@target-uri" -> api.targetUri(signedTarget != null ? signedTarget : pathAndQuery);
                case "content-digest" -> digest;
                default -> throw new IllegalArgumentException("this client cannot cover " + component);
            });
        }
        String signatureParams = Rfc9421.signatureParams(covered, parameters);
        byte[] signature = signatureTransform.apply(signer.sign(Rfc9421.signatureBase(values, signatureParams)));
        String declaredParams = declaredComponents == null ? signatureParams
                : Rfc9421.signatureParams(declaredComponents, parameters);

        byte[] payload = sentBody != null ? sentBody : body;
        String sentDigest = digestOfSentBody && payload != null ? Rfc9421.contentDigest(payload) : digest;
        HttpRequest.Builder request = api.request(pathAndQuery)
                .method(method, payload == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null) {
            request.header("Content-Type", contentType).header("Content-Digest", sentDigest);
        }
        extraHeaders.forEach(request::header);
        return request
                .header("Signature-Input", "sig1=" + declaredParams)
                .header("Signature", "sig1=" + Rfc9421.byteSequence(signature))
                .build();
    }
}
