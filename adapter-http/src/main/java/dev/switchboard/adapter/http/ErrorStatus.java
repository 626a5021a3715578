package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;

/**
 * The one table from {@link ErrorCode} to HTTP status, as documented in {@code docs/http-api.md}. The
 * switch has no default, so a new code without a status does not compile.
 */
final class ErrorStatus {

    private ErrorStatus() {}

    static int of(ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST, DIGEST_MISMATCH -> 400;
            case SIGNATURE_MISSING, SIGNATURE_MALFORMED, SIGNATURE_COMPONENT_MISSING, SIGNATURE_PARAMETER_MISSING,
                    UNSUPPORTED_ALGORITHM, SIGNATURE_EXPIRED, SIGNATURE_FROM_FUTURE, NONCE_INVALID,
                    NONCE_REPLAYED, AUTHENTICATION_FAILED -> 401;
            case CANNOT_ANSWER_OWN_OFFER, NOT_A_PARTICIPANT, NOT_OFFER_OWNER -> 403;
            case OFFER_NOT_FOUND, NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case OFFER_ALREADY_ANSWERED, CANDIDATE_LIMIT_REACHED -> 409;
            case OFFER_EXPIRED -> 410;
            case PAYLOAD_TOO_LARGE, BATCH_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case VALIDATION_FAILED -> 422;
            case RATE_LIMITED -> 429;
            case INTERNAL_ERROR -> 500;
            case SERVICE_UNAVAILABLE -> 503;
        };
    }

    /** Whether the code refuses the caller's credentials, so the response must say how to sign. */
    static boolean asksForSignature(ErrorCode code) {
        return of(code) == 401;
    }
}
