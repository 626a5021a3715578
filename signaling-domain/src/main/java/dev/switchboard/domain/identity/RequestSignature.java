package dev.switchboard.domain.identity;

import dev.switchboard.ports.model.SignatureAlgorithm;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The one signature of a request that Switchboard verifies, as read from its headers.
 *
 * @param components      what it covers, in signed order
 * @param signatureParams the {@code Signature-Input} inner list exactly as parsed, re-serialized into the base
 * @param created         the {@code created} parameter
 * @param expires         the {@code expires} parameter, when given
 * @param signature       the bytes of the matching {@code Signature} member
 */
record RequestSignature(
        CoveredComponents components,
        InnerList signatureParams,
        SignatureAlgorithm algorithm,
        String keyId,
        String nonce,
        Instant created,
        Optional<Instant> expires,
        byte[] signature) {

    RequestSignature {
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(signatureParams, "signatureParams");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Every other component is read from {@code signatureParams}, so it and the bytes decide equality. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RequestSignature that && signatureParams.equals(that.signatureParams)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signatureParams, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "RequestSignature[" + signatureParams.serialize() + "]";
    }
}
