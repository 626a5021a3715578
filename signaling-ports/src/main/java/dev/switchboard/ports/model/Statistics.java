package dev.switchboard.ports.model;

/**
 * What a store holds at one instant, for gauges.
 *
 * @param liveOffers            offers not expired
 * @param openSessions          pairing sessions open (not closed, not expired)
 * @param queuedMessages        unacknowledged mailbox messages
 * @param liveTransfers         transfers neither complete nor expired
 * @param reservedTransferBytes bytes reserved by live transfers
 * @param storedChunkBytes      chunk bytes held right now (uploaded, not yet acknowledged)
 * @param devices               registered devices not expired
 * @param credentials           server-issued credentials not expired
 */
public record Statistics(long liveOffers, long openSessions, long queuedMessages, long liveTransfers,
        long reservedTransferBytes, long storedChunkBytes, long devices, long credentials) {}
