package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.CounterStoreContract;
import dev.switchboard.ports.driven.CounterStore;

/** The counter store contract, against memory. */
class InMemoryCounterStoreTest extends CounterStoreContract {
    @Override
    protected CounterStore newStore() {
        return new InMemoryCounterStore();
    }
}
