package dev.switchboard.adapter.http;

/**
 * No capability token was presented at all (as opposed to a wrong one): answered 401
 * {@code capability_invalid} with {@code WWW-Authenticate: Bearer}, so the client knows what to send.
 */
final class BearerTokenMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BearerTokenMissing() {
        super("send the transfer's capability token as Authorization: Bearer <token>", null, false, false);
    }
}
