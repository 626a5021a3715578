package dev.switchboard.domain.identity;

import dev.switchboard.ports.model.SignedRequest;
import dev.switchboard.ports.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A request as a client would sign it, built with sensible Switchboard defaults that a test overrides to
 * break exactly one rule. It computes the signature base with its own code, not the server's, so the
 * two implementations check each other.
 */
final class TestRequest {
    /** {@code created} of every request unless a test says otherwise: the settable clock's start. */
    static final long NOW = SettableClock.atFixedStart().instant().getEpochSecond();

    private static final AtomicLong NONCES = new AtomicLong();

    private String method;
    private final String scheme = "http";
    private final String authority = "localhost:8080";
    private String path;
    private Optional<String> query = Optional.empty();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private List<String> components;
    private String label = "sig1";
    private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
    private long created = NOW;
    private String nonce = String.format("test-nonce-%08d", NONCES.incrementAndGet());

    private TestRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static TestRequest post(String path, String json) {
        TestRequest request = new TestRequest("POST", path);
        request.body = json.getBytes(StandardCharsets.UTF_8);
        request.header("content-type", "application/json");
        request.header("content-digest", contentDigest(request.body));
        return request;
    }

    static TestRequest get(String path) {
        return new TestRequest("GET", path);
    }

    /** RFC 9530 {@code Content-Digest} with {@code sha-256}, computed here independently of the server. */
    static String contentDigest(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    TestRequest query(String rawQuery) {
        this.query = Optional.of(rawQuery);
        return this;
    }

    TestRequest header(String name, String... lines) {
        headers.put(name, List.of(lines));
        return this;
    }

    TestRequest withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    /** Covers these component names, in order; the default is {@code @method @target-uri [content-digest]}. */
    TestRequest covering(String... componentNames) {
        this.components = List.of(componentNames).stream().map(name -> '"' + name + '"').collect(Collectors.toList());
        return this;
    }

    /** Covers components written as serialized RFC 8941 items, such as {@code "@method";sf}. */
    TestRequest coveringItems(String... serializedItems) {
        this.components = List.of(serializedItems);
        return this;
    }

    TestRequest label(String newLabel) {
        this.label = newLabel;
        return this;
    }

    TestRequest created(long epochSeconds) {
        this.created = epochSeconds;
        return this;
    }

    TestRequest nonce(String newNonce) {
        this.nonce = newNonce;
        return this;
    }

    /** Sets a signature parameter to a serialized value, replacing a default in place or appending it. */
    TestRequest parameter(String name, String serializedValue) {
        parameterOverrides.put(name, serializedValue);
        return this;
    }

    TestRequest withoutParameter(String name) {
        parameterOverrides.put(name, null);
        return this;
    }

    /** The {@code Signature-Input} member value: the covered components and the parameters. */
    String signatureParams(TestSigner signer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("created", Long.toString(created));
        parameters.put("nonce", quoted(nonce));
        parameters.put("keyid", quoted(signer.keyId()));
        parameters.put("alg", quoted(signer.algorithm().registeredName()));
        parameterOverrides.forEach((name, value) -> {
            if (value == null) {
                parameters.remove(name);
            } else {
                parameters.put(name, value);
            }
        });
        StringBuilder params = new StringBuilder("(").append(String.join(" ", components())).append(')');
        parameters.forEach((name, value) -> params.append(';').append(name).append('=').append(value));
        return params.toString();
    }

    String signatureBase(TestSigner signer) {
        StringBuilder base = new StringBuilder();
        for (String item : components()) {
            String name = item.substring(1, item.indexOf('"', 1));
            base.append(item).append(": ").append(componentValue(name)).append('\n');
        }
        return base.append("\"@signature-params\": ").append(signatureParams(signer)).toString();
    }

    SignedRequest signedBy(TestSigner signer) {
        String signature = Base64.getEncoder().encodeToString(signer.sign(signatureBase(signer)));
        Map<String, List<String>> signed = new LinkedHashMap<>(headers);
        signed.put("signature-input", List.of(label + "=" + signatureParams(signer)));
        signed.put("signature", List.of(label + "=:" + signature + ":"));
        return new SignedRequest(method, scheme, authority, path, query, signed, body);
    }

    SignedRequest unsigned() {
        return new SignedRequest(method, scheme, authority, path, query, headers, body);
    }

    private List<String> components() {
        if (components != null) {
            return components;
        }
        List<String> defaults = new ArrayList<>(List.of("\"@method\"", "\"@target-uri\""));
        if (body.length > 0) {
            defaults.add("\"content-digest\"");
        }
        return defaults;
    }

    private String componentValue(String name) {
        String requestTarget = path + query.map(q -> "?" + q).orElse("");
        return switch (name) {
            case "@method" -> method;
            case "@target-uri" -> scheme + "://" + authority + requestTarget;
            case "@authority" -> authority;
            case "@scheme" -> scheme;
            case "@path" -> path;
            case "@query" -> "?" + query.orElse("");
            case "@request-target" -> requestTarget;
            default -> headers.getOrDefault(name, List.of()).stream()
                    .map(String::strip)
                    .collect(Collectors.joining(", "));
        };
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    // --- what an attacker does to a signed request on the way

    static SignedRequest replacingMethod(SignedRequest request, String method) {
        return new SignedRequest(method, request.scheme(), request.authority(), request.path(), request.query(),
                request.headers(), request.body());
    }

    static SignedRequest replacingPath(SignedRequest request, String path) {
        return new SignedRequest(request.method(), request.scheme(), request.authority(), path, request.query(),
                request.headers(), request.body());
    }

    static SignedRequest replacingBody(SignedRequest request, String body) {
        return new SignedRequest(request.method(), request.scheme(), request.authority(), request.path(),
                request.query(), request.headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    static SignedRequest replacingHeader(SignedRequest request, String name, String... lines) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, List.of(lines));
        return new SignedRequest(request.method(), request.scheme(), request.authority(), request.path(),
                request.query(), headers, request.body());
    }

    static SignedRequest removingHeader(SignedRequest request, String name) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.remove(name);
        return new SignedRequest(request.method(), request.scheme(), request.authority(), request.path(),
                request.query(), headers, request.body());
    }
}
