package dev.switchboard.ports.driving;

/** Deletes every expired record (offers with their answers and candidates, nonces); run on a schedule. */
public interface SweepExpired {

    Swept sweep();

    /** How many records of each kind one sweep deleted. */
    record Swept(int offers, int nonces) {}
}
