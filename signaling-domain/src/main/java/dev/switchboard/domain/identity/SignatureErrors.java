package dev.switchboard.domain.identity;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;

/** The refusals of request authentication, each with its code and a message that tells the client what to fix. */
final class SignatureErrors {

    private SignatureErrors() {}

    static SignalingException missing(String message) {
        return new SignalingException(ErrorCode.SIGNATURE_MISSING, message);
    }

    static SignalingException malformed(String message) {
        return new SignalingException(ErrorCode.SIGNATURE_MALFORMED, message);
    }

    static SignalingException componentMissing(String message) {
        return new SignalingException(ErrorCode.SIGNATURE_COMPONENT_MISSING, message);
    }

    static SignalingException parameterMissing(String message) {
        return new SignalingException(ErrorCode.SIGNATURE_PARAMETER_MISSING, message);
    }

    static SignalingException unsupportedAlgorithm() {
        return new SignalingException(ErrorCode.UNSUPPORTED_ALGORITHM, "alg must be \"hmac-sha256\" or \"ed25519\"");
    }

    static SignalingException expired(String message) {
        return new SignalingException(ErrorCode.SIGNATURE_EXPIRED, message);
    }

    static SignalingException fromFuture(String message) {
        return new SignalingException(ErrorCode.SIGNATURE_FROM_FUTURE, message);
    }

    static SignalingException nonceInvalid() {
        return new SignalingException(ErrorCode.NONCE_INVALID,
                "nonce must be 16 to 128 characters of A-Z, a-z, 0-9, '_' and '-'");
    }

    static SignalingException nonceReplayed() {
        return new SignalingException(ErrorCode.NONCE_REPLAYED,
                "this nonce was already used with this key; sign every request with a fresh nonce");
    }

    static SignalingException digestMismatch(String message) {
        return new SignalingException(ErrorCode.DIGEST_MISMATCH, message);
    }

    /**
     * Unknown key, unusable key or wrong signature: one message for all, so that a caller cannot tell
     * which; {@code logDetail} carries the real reason for operators only.
     */
    static SignalingException authenticationFailed(String logDetail) {
        return new SignalingException(ErrorCode.AUTHENTICATION_FAILED, "signature verification failed", logDetail);
    }
}
