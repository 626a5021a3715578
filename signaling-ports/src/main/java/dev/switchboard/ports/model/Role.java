package dev.switchboard.ports.model;

/** The side a participant plays on an offer. Always derived from the caller's identity, never from input. */
public enum Role {
    /** The peer that published the offer. */
    OFFERER,
    /** The peer whose answer was accepted. */
    ANSWERER;

    public Role opposite() {
        return this == OFFERER ? ANSWERER : OFFERER;
    }

    /** Lower-case name for the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
