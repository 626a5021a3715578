package dev.switchboard.ports.model;

import java.util.Locale;

/** A capability a server may offer, depending on its {@link Edition}. */
public enum Feature {
    OFFERS,
    PAIRING,
    TRANSFER_RELAY,
    DEVICE_REGISTRY,
    AUDIT_LOG;

    /** The lower-case, hyphenated name clients see, e.g. {@code transfer-relay}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
