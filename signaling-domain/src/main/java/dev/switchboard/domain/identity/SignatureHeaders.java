package dev.switchboard.domain.identity;

import dev.switchboard.domain.identity.BareItem.ByteSequenceItem;
import dev.switchboard.domain.identity.BareItem.IntegerItem;
import dev.switchboard.domain.identity.BareItem.StringItem;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.SignedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the first signature of {@code Signature-Input} and its match in {@code Signature}: strict RFC 8941
 * parsing, supported components, and the parameters Switchboard requires ({@code created}, {@code nonce},
 * {@code keyid}, {@code alg}).
 */
final class SignatureHeaders {
    /** Bounds the work an unauthenticated caller can make the parser do. */
    static final int MAX_FIELD_LENGTH = 8192;

    private static final String SIGNATURE_INPUT = "Signature-Input";
    private static final String SIGNATURE = "Signature";

    private SignatureHeaders() {}

    static RequestSignature read(SignedRequest request) {
        List<String> inputLines = request.header(SIGNATURE_INPUT);
        List<String> signatureLines = request.header(SIGNATURE);
        if (inputLines.isEmpty() && signatureLines.isEmpty()) {
            throw SignatureErrors.missing("this request must be signed: send Signature-Input and Signature (RFC 9421)");
        }
        if (inputLines.isEmpty() || signatureLines.isEmpty()) {
            throw SignatureErrors.missing("the " + (inputLines.isEmpty() ? SIGNATURE_INPUT : SIGNATURE)
                    + " header is missing");
        }
        FieldDictionary inputs = parse(SIGNATURE_INPUT, inputLines);
        FieldDictionary signatures = parse(SIGNATURE, signatureLines);

        String label = inputs.firstKey()
                .orElseThrow(() -> SignatureErrors.malformed(SIGNATURE_INPUT + " names no signature"));
        if (!(inputs.get(label).orElseThrow() instanceof InnerList signatureParams)) {
            throw SignatureErrors.malformed(SIGNATURE_INPUT + " member " + label
                    + " must be an inner list of components, such as (\"@method\" \"@target-uri\")");
        }
        Optional<DictionaryMember> signature = signatures.get(label);
        if (signature.isEmpty()) {
            throw SignatureErrors.malformed(SIGNATURE + " has no member " + label
                    + "; it must carry the first label of " + SIGNATURE_INPUT);
        }
        if (!(signature.get() instanceof Item item && item.value() instanceof ByteSequenceItem bytes)) {
            throw SignatureErrors.malformed(SIGNATURE + " member " + label + " must be a byte sequence (:base64:)");
        }
        return toSignature(signatureParams, bytes.value());
    }

    private static RequestSignature toSignature(InnerList signatureParams, byte[] signature) {
        CoveredComponents components = CoveredComponents.from(signatureParams);
        Parameters parameters = signatureParams.parameters();
        long created = required(parameters, "created", IntegerItem.class, "an integer (UNIX seconds)").value();
        String nonce = required(parameters, "nonce", StringItem.class, "a string").value();
        String keyId = required(parameters, "keyid", StringItem.class, "a string").value();
        String alg = required(parameters, "alg", StringItem.class, "a string").value();
        SignatureAlgorithm algorithm = SignatureAlgorithm.byRegisteredName(alg)
                .orElseThrow(SignatureErrors::unsupportedAlgorithm);
        Optional<Instant> expires = parameters.get("expires").map(value -> {
            if (!(value instanceof IntegerItem seconds)) {
                throw SignatureErrors.malformed("the signature parameter expires must be an integer (UNIX seconds)");
            }
            return Instant.ofEpochSecond(seconds.value());
        });
        return new RequestSignature(components, signatureParams, algorithm, keyId, nonce,
                Instant.ofEpochSecond(created), expires, signature);
    }

    private static FieldDictionary parse(String fieldName, List<String> lines) {
        // RFC 8941 §4.2: several field lines form one value, joined by commas.
        String value = String.join(", ", lines);
        if (value.length() > MAX_FIELD_LENGTH) {
            throw SignatureErrors.malformed(fieldName + " is longer than " + MAX_FIELD_LENGTH + " characters");
        }
        try {
            return StructuredFieldParser.parseDictionary(value);
        } catch (StructuredFieldException e) {
            throw SignatureErrors.malformed(
                    fieldName + " is not a valid structured-field dictionary: " + e.getMessage());
        }
    }

    private static <T extends BareItem> T required(Parameters parameters, String name, Class<T> type, String kind) {
        BareItem value = parameters.get(name).orElseThrow(() -> SignatureErrors.parameterMissing(
                SIGNATURE_INPUT + " must carry the parameter " + name + ", " + kind));
        if (!type.isInstance(value)) {
            throw SignatureErrors.parameterMissing("the signature parameter " + name + " must be " + kind);
        }
        return type.cast(value);
    }
}
