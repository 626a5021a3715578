package dev.switchboard.app.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The client side of HTTP Message Signatures, written from the RFCs for these tests and sharing no code
 * with the server: RFC 9530 {@code Content-Digest}, the RFC 9421 §2.3 {@code @signature-params} value and
 * the §2.5 signature base.
 */
final class Rfc9421 {

    private Rfc9421() {}

    /** {@code sha-256=:<base64 of SHA-256(body)>:}, an RFC 8941 dictionary with one byte sequence. */
    static String contentDigest(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The inner list of covered components with its parameters, e.g.
     * {@code ("@method" "@target-uri");created=1700000000;nonce="abc";keyid="k";alg="ed25519"}. Integer
     * parameters are written bare, strings quoted, in the map's order.
     */
    static String signatureParams(List<String> components, Map<String, Object> parameters) {
        String covered = components.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(" ", "(", ")"));
        StringBuilder value = new StringBuilder(covered);
        parameters.forEach((name, parameter) -> value.append(';').append(name).append('=')
                .append(parameter instanceof Number ? parameter.toString() : "\"" + parameter + "\""));
        return value.toString();
    }

    /**
     * One line {@code "<component>": <value>} per covered component, in order, then the
     * {@code "@signature-params"} line; lines separated by LF, no trailing newline.
     */
    static byte[] signatureBase(Map<String, String> componentValues, String signatureParams) {
        StringBuilder base = new StringBuilder();
        componentValues.forEach((component, value) ->
                base.append('"').append(component).append("\": ").append(value).append('\n'));
        base.append("\"@signature-params\": ").append(signatureParams);
        return base.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String byteSequence(byte[] bytes) {
        return ":" + Base64.getEncoder().encodeToString(bytes) + ":";
    }
}
