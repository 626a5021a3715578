package dev.switchboard.adapter.http;

/**
 * Why the server closes a WebSocket, with the RFC 6455 close code and the reason it sends. A frame the
 * server cannot read (oversized, text that is not UTF-8, a protocol violation) is refused by
 * {@link InboundFrames} instead, with 1009, 1007 or 1002. Documented in {@code docs/websocket.md}.
 */
enum SocketClose {
    /** The server is stopping; reconnect to another instance or later. */
    SHUTDOWN(1001, "server shutting down"),
    /** Neither a frame nor a pong arrived for the idle timeout. */
    IDLE(1001, "idle timeout"),
    /** More frames than the per-connection rate allows. */
    RATE_LIMIT(1008, "rate limit"),
    /** More malformed frames than a connection is allowed. */
    MALFORMED(1008, "too many malformed frames"),
    /** The mailbox could not be read; reconnecting resumes from the last acknowledged message. */
    CANNOT_DELIVER(1011, "cannot deliver now; reconnect");

    private final int code;
    private final String reason;

    SocketClose(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }
}
