package dev.switchboard.ports.model;

import java.util.Locale;

/** Where a registered device stands with the admins. */
public enum DeviceStatus {
    /** Registered (or its key changed) and not yet reviewed. */
    PENDING,
    /** An admin approved it. */
    APPROVED,
    /** An admin revoked it; it stays listed as revoked and cannot be changed by its owner. */
    REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
