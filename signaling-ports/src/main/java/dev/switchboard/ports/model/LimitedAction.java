package dev.switchboard.ports.model;

import java.util.Locale;

/** The kinds of request that have their own rate-limit budgets. */
public enum LimitedAction {
    /** Any API call. */
    API_CALL,
    /** Issuing a server credential: scarce, since each one is a new identity. */
    CREDENTIAL_ISSUANCE,
    /** Opening a WebSocket. */
    WEBSOCKET_CONNECT,
    /** A frame sent over a WebSocket. */
    WEBSOCKET_MESSAGE;

    /** The lower-case, hyphenated name used in policy names, e.g. {@code credential-issuance}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
