package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one table from {@link ErrorCode} to HTTP status, as documented in {@code docs/http-api.md}. The
 * switch has no default, so a new code without a status does not compile.
 */
final class ErrorStatus {
    /** A join guessing budget is spent for a window of minutes; a minute is a polite hint to come back. */
    static final int RATE_LIMITED_RETRY_SECONDS = 60;
    /** What a client without the admin credential is told to present (RFC 6750). */
    static final String ADMIN_CHALLENGE = "Bearer realm=\"switchboard-admin\"";

    private ErrorStatus() {}

    static int of(ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST, DIGEST_MISMATCH, INVITE_INVALID -> 400;
            case SIGNATURE_MISSING, SIGNATURE_MALFORMED, SIGNATURE_COMPONENT_MISSING, SIGNATURE_PARAMETER_MISSING,
                    UNSUPPORTED_ALGORITHM, SIGNATURE_EXPIRED, SIGNATURE_FROM_FUTURE, NONCE_INVALID,
                    NONCE_REPLAYED, AUTHENTICATION_FAILED, TICKET_INVALID, ADMIN_REQUIRED -> 401;
            // As the PeerJS server answers: 401 for a key it does not serve and for a peer list it does not give.
            case PEER_KEY_INVALID, PEER_DISCOVERY_DISABLED, PEER_TOKEN_INVALID -> 401;
            case CANNOT_ANSWER_OWN_OFFER, NOT_A_PARTICIPANT, NOT_OFFER_OWNER, NOT_A_MEMBER, NOT_SESSION_HOST,
                    VERIFIER_MISMATCH, CAPABILITY_INVALID, FEATURE_NOT_IN_EDITION, NOT_DEVICE_OWNER -> 403;
            case OFFER_NOT_FOUND, SESSION_NOT_FOUND, NOT_FOUND, TRANSFER_NOT_FOUND, CHUNK_NOT_AVAILABLE,
                    DEVICE_NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case OFFER_ALREADY_ANSWERED, CANDIDATE_LIMIT_REACHED, SESSION_FULL, TRANSFER_ALREADY_CLAIMED,
                    TRANSFER_COMPLETE, CHUNK_CONFLICT, DEVICE_ID_TAKEN, DEVICE_REVOKED -> 409;
            // Conflicts over who holds a PeerJS id: another token holds it, or a reconnect took it over.
            case PEER_ID_TAKEN, PEER_SUPERSEDED -> 409;
            case OFFER_EXPIRED, SESSION_EXPIRED, SESSION_CLOSED, TRANSFER_EXPIRED, CHUNK_ACKNOWLEDGED -> 410;
            case PAYLOAD_TOO_LARGE, BATCH_TOO_LARGE, TRANSFER_BYTES_EXCEEDED -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case VALIDATION_FAILED, RECIPIENT_NOT_A_MEMBER -> 422;
            case MAILBOX_FULL, LIMIT_REACHED, RATE_LIMITED -> 429;
            case INTERNAL_ERROR -> 500;
            case SERVICE_UNAVAILABLE -> 503;
            case STORAGE_FULL -> 507;
        };
    }

    /** Whether the code refuses the caller's signature, so the response must say how to sign. */
    static boolean asksForSignature(ErrorCode code) {
        // A connection ticket, the admin credential or a PeerJS key is not a signature: telling its holder how to
        // sign would mislead.
        return of(code) == 401 && switch (code) {
            case TICKET_INVALID, ADMIN_REQUIRED, PEER_KEY_INVALID, PEER_DISCOVERY_DISABLED, PEER_TOKEN_INVALID -> false;
            default -> true;
        };
    }

    /** The {@code WWW-Authenticate} challenge a refusal carries by its code alone. */
    static Optional<String> challenge(ErrorCode code) {
        return code == ErrorCode.ADMIN_REQUIRED ? Optional.of(ADMIN_CHALLENGE) : Optional.empty();
    }

    /**
     * The {@code Retry-After} seconds a refusal carries: a full mailbox drains as soon as its owner
     * acknowledges, a spent guessing budget only after a while. A quota ({@code limit_reached}) frees when
     * the caller closes something, which no delay predicts, so it carries none.
     */
    static OptionalInt retryAfterSeconds(ErrorCode code) {
        return switch (code) {
            case MAILBOX_FULL -> OptionalInt.of(1);
            case RATE_LIMITED -> OptionalInt.of(RATE_LIMITED_RETRY_SECONDS);
            default -> OptionalInt.empty();
        };
    }
}
