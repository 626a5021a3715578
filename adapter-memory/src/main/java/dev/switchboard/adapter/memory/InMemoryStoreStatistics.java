package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.StoreStatistics;
import dev.switchboard.ports.model.Statistics;
import java.time.Instant;

/**
 * Counts what the memory stores hold by walking their live records: memory holds few enough that a gauge read
 * every few seconds costs little, whereas running counters would cost every write a second update.
 */
final class InMemoryStoreStatistics implements StoreStatistics {
    private final InMemoryOfferStore offers;
    private final InMemorySessionStore sessions;
    private final InMemoryTransferStore transfers;
    private final InMemoryDeviceStore devices;
    private final InMemoryCredentialStore credentials;

    InMemoryStoreStatistics(InMemoryOfferStore offers, InMemorySessionStore sessions,
            InMemoryTransferStore transfers, InMemoryDeviceStore devices, InMemoryCredentialStore credentials) {
        this.offers = offers;
        this.sessions = sessions;
        this.transfers = transfers;
        this.devices = devices;
        this.credentials = credentials;
    }

    /** Each count is read on its own, so one snapshot taken during writes may mix instants slightly. */
    @Override
    public Statistics snapshot(Instant now) {
        return new Statistics(offers.countLive(now), sessions.countOpen(now), sessions.countQueuedMessages(),
                transfers.countLive(now), transfers.reservedBytes(now), transfers.storedChunkBytes(),
                devices.countLive(now), credentials.countLive(now));
    }
}
