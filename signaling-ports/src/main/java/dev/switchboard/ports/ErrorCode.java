package dev.switchboard.ports;

/**
 * The closed vocabulary of failures that cross the ports. Adapters map codes, never exception classes;
 * the wire name ({@link #wireName()}) is stable and documented for clients.
 */
public enum ErrorCode {
    // --- malformed or invalid input
    /** The request is syntactically malformed (bad JSON, bad query parameter). */
    MALFORMED_REQUEST,
    /** A field is well-formed but breaks a rule (too long, out of range, bad format). */
    VALIDATION_FAILED,
    /** The body is larger than the server accepts. */
    PAYLOAD_TOO_LARGE,
    /** The body's media type is not one the resource accepts. */
    UNSUPPORTED_MEDIA_TYPE,

    // --- signatures (RFC 9421); all map to 401 except where noted by adapters
    /** No {@code Signature} / {@code Signature-Input} header on a call that must be signed. */
    SIGNATURE_MISSING,
    /** The signature headers cannot be parsed as RFC 8941 structured fields. */
    SIGNATURE_MALFORMED,
    /** A required covered component ({@code @method}, {@code @target-uri}, {@code content-digest}) is not covered. */
    SIGNATURE_COMPONENT_MISSING,
    /** A required signature parameter ({@code created}, {@code nonce}, {@code keyid}, {@code alg}) is absent. */
    SIGNATURE_PARAMETER_MISSING,
    /** The {@code alg} parameter names an algorithm the server does not support. */
    UNSUPPORTED_ALGORITHM,
    /** {@code created} is older than the accepted window. */
    SIGNATURE_EXPIRED,
    /** {@code created} lies further in the future than the accepted window. */
    SIGNATURE_FROM_FUTURE,
    /** The nonce has the wrong length or alphabet. */
    NONCE_INVALID,
    /** The nonce was already accepted for this key within the window. */
    NONCE_REPLAYED,
    /** {@code Content-Digest} is missing, malformed or does not match the body. */
    DIGEST_MISMATCH,
    /** Unknown key or wrong signature: deliberately one answer for both, so it is no oracle. */
    AUTHENTICATION_FAILED,

    // --- offers
    /** No such offer (never existed, deleted or swept). */
    OFFER_NOT_FOUND,
    /** The offer exists but its TTL has run out. */
    OFFER_EXPIRED,
    /** Another answer won the race for this offer. */
    OFFER_ALREADY_ANSWERED,
    /** A peer tried to answer its own offer. */
    CANNOT_ANSWER_OWN_OFFER,
    /** The caller is neither the offer's owner nor its accepted answerer. */
    NOT_A_PARTICIPANT,
    /** Only the offer's owner may do this. */
    NOT_OFFER_OWNER,
    /** The per-side candidate limit of the offer is reached. */
    CANDIDATE_LIMIT_REACHED,
    /** The batch has too many operations or too much total work. */
    BATCH_TOO_LARGE,

    // --- pairing sessions
    /** No such session (never existed or swept). */
    SESSION_NOT_FOUND,
    /** The session's lifetime has run out. */
    SESSION_EXPIRED,
    /** The host closed the session. */
    SESSION_CLOSED,
    /** The session already holds as many members as its capacity. */
    SESSION_FULL,
    /** The invite token is malformed, forged or expired. */
    INVITE_INVALID,
    /** The caller is not a member of the session. */
    NOT_A_MEMBER,
    /** Only the session's host may do this. */
    NOT_SESSION_HOST,
    /** The addressed member is not in the session. */
    RECIPIENT_NOT_A_MEMBER,
    /** A recipient's mailbox holds as many unacknowledged messages as allowed; the send is refused. */
    MAILBOX_FULL,
    /** The WebSocket connection ticket is malformed, forged, expired or already used. */
    TICKET_INVALID,
    /** A per-identity or per-address quota (open sessions, connections) is used up. */
    LIMIT_REACHED,

    // --- transfer relay
    /** No such transfer (never existed or forgotten after its retention). */
    TRANSFER_NOT_FOUND,
    /** The transfer's lifetime ran out before it completed; its chunks are gone. */
    TRANSFER_EXPIRED,
    /** The transfer already has its one receiver. */
    TRANSFER_ALREADY_CLAIMED,
    /** Every chunk was acknowledged; nothing more can be uploaded or claimed. */
    TRANSFER_COMPLETE,
    /** The access verifier given does not match the one the transfer was bound to (or is missing). */
    VERIFIER_MISMATCH,
    /** The capability token is malformed, forged, expired, for another transfer or another role. */
    CAPABILITY_INVALID,
    /** A chunk with this index was already uploaded with different bytes. */
    CHUNK_CONFLICT,
    /** The chunk has not been uploaded yet. */
    CHUNK_NOT_AVAILABLE,
    /** The chunk was acknowledged by the receiver and deleted. */
    CHUNK_ACKNOWLEDGED,
    /** The upload would take the transfer past the bytes it declared. */
    TRANSFER_BYTES_EXCEEDED,
    /** The server holds as many relay bytes as it is configured to; no new transfer fits now. */
    STORAGE_FULL,

    // --- editions, devices, admin
    /** The use case belongs to an edition this server does not run. */
    FEATURE_NOT_IN_EDITION,
    /** No such device. */
    DEVICE_NOT_FOUND,
    /** The device id is registered by another identity. */
    DEVICE_ID_TAKEN,
    /** The device was revoked by an admin; it can be read and removed, not changed. */
    DEVICE_REVOKED,
    /** Only the identity that registered the device (or an admin) may do this. */
    NOT_DEVICE_OWNER,
    /** The call needs the admin credential, and the one given is missing or wrong. */
    ADMIN_REQUIRED,

    // --- PeerJS compatibility
    /** The PeerJS API key is not one this server serves. */
    PEER_KEY_INVALID,
    /** Another live PeerJS socket, with another token, holds the id. */
    PEER_ID_TAKEN,
    /** This PeerJS socket no longer holds its id: a reconnect with the same token replaced it, or it timed out. */
    PEER_SUPERSEDED,
    /** Listing the peers of a realm is not allowed on this server. */
    PEER_DISCOVERY_DISABLED,
    /**
     * This server requires PeerJS tokens ({@code IssuePeerToken}), and the one given is missing, malformed,
     * forged, expired or for another id.
     */
    PEER_TOKEN_INVALID,

    // --- transport and server
    /** The route does not exist. */
    NOT_FOUND,
    /** The route exists but not with this method. */
    METHOD_NOT_ALLOWED,
    /** Too many requests; retry later. */
    RATE_LIMITED,
    /** The store or another dependency is unavailable. */
    SERVICE_UNAVAILABLE,
    /** An unexpected failure; the response carries only an error id that is also logged. */
    INTERNAL_ERROR;

    /** The stable, lower-case code clients see, e.g. {@code offer_already_answered}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
