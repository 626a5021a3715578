package dev.switchboard.ports.model;

import java.util.Optional;

/** The PeerJS message types one peer relays to another through the server. */
public enum PeerMessageType {
    OFFER,
    ANSWER,
    CANDIDATE,
    LEAVE,
    EXPIRE;

    /** Read for every relayed message, so not {@code values()}, which copies its array on each call. */
    private static final PeerMessageType[] ALL = values();

    /** The type named {@code wireName} (upper case, as PeerJS writes it). */
    public static Optional<PeerMessageType> fromWireName(String wireName) {
        for (PeerMessageType type : ALL) {
            if (type.name().equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
