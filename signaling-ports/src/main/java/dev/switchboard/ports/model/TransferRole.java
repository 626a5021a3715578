package dev.switchboard.ports.model;

/** Which end of a transfer a capability token speaks for. */
public enum TransferRole {
    /** Created the transfer; uploads chunks and watches progress. */
    SENDER,
    /** Claimed the transfer with its invite code; downloads and acknowledges chunks. */
    RECEIVER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
