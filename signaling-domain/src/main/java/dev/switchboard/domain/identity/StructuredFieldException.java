package dev.switchboard.domain.identity;

/** A header value that is not a valid RFC 8941 structured field; the message says where and why. */
final class StructuredFieldException extends Exception {
    private static final long serialVersionUID = 1L;

    StructuredFieldException(String message) {
        super(message, null, false, false);
    }
}
