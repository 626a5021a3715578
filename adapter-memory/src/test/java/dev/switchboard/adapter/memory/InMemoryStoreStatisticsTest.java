package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.StoreStatisticsContract;
import dev.switchboard.ports.driven.SignalingStorage;

/** The store statistics contract, against memory. */
class InMemoryStoreStatisticsTest extends StoreStatisticsContract {
    @Override
    protected SignalingStorage newStorage() {
        return new InMemoryStorage();
    }
}
