package dev.switchboard.ports.model;

import java.util.Objects;

/** Whose budget a request spends: a client address's or an identity's. */
public record LimitSubject(Kind kind, String value) {
    public LimitSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank");
        }
    }

    public static LimitSubject address(String clientAddress) {
        return new LimitSubject(Kind.ADDRESS, clientAddress);
    }

    public static LimitSubject identity(String keyId) {
        return new LimitSubject(Kind.IDENTITY, keyId);
    }

    public enum Kind {
        ADDRESS,
        IDENTITY;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
