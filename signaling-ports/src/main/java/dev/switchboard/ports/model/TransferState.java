package dev.switchboard.ports.model;

/** Where a transfer stands, as both ends see it. */
public enum TransferState {
    /** Live, and no uploaded chunk is waiting for the receiver (none uploaded yet, or all delivered so far). */
    WAITING,
    /** Live, and at least one uploaded chunk waits for the receiver to download and acknowledge it. */
    AVAILABLE,
    /** Every chunk was acknowledged by the receiver. Final. */
    COMPLETE,
    /** The transfer's lifetime ran out before it completed; its chunks are deleted. Final. */
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
