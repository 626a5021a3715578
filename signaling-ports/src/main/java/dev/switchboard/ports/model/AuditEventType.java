package dev.switchboard.ports.model;

import java.util.Locale;

/** The business events the Enterprise audit log records. */
public enum AuditEventType {
    CREDENTIAL_ISSUED,
    AUTHENTICATION_FAILED,
    RATE_LIMITED,
    OFFER_PUBLISHED,
    OFFER_ANSWERED,
    SESSION_OPENED,
    SESSION_JOINED,
    SESSION_CLOSED,
    TRANSFER_CREATED,
    TRANSFER_CLAIMED,
    TRANSFER_COMPLETED,
    TRANSFER_EXPIRED,
    DEVICE_REGISTERED,
    DEVICE_UPDATED,
    DEVICE_REMOVED,
    DEVICE_APPROVED,
    DEVICE_REVOKED;

    /** The dotted name clients and exports use, e.g. {@code transfer.claimed}. */
    public String wireName() {
        String lower = name().toLowerCase(Locale.ROOT);
        int split = lower.indexOf('_');
        return lower.substring(0, split) + "." + lower.substring(split + 1).replace('_', '-');
    }

    /** The type whose {@link #wireName()} is {@code wireName}. */
    public static java.util.Optional<AuditEventType> fromWireName(String wireName) {
        for (AuditEventType type : values()) {
            if (type.wireName().equals(wireName)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
