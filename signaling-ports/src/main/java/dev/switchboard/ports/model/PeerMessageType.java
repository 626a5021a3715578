package dev.switchboard.ports.model;

import java.util.Optional;

/** The PeerJS message types one peer relays to another through the server. */
public enum PeerMessageType {
    OFFER,
    ANSWER,
    CANDIDATE,
    LEAVE,
    EXPIRE;

    /** The type named {@code wireName} (upper case, as PeerJS writes it). */
    public static Optional<PeerMessageType> fromWireName(String wireName) {
        for (PeerMessageType type : values()) {
            if (type.name().equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
