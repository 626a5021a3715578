package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;

/** A short-lived, single-use, server-signed token that lets a browser open a WebSocket as an identity. */
public record ConnectionTicket(String token, Instant expiresAt) {
    public ConnectionTicket {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ConnectionTicket[expiresAt=" + expiresAt + "]";
    }
}
