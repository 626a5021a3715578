package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.CounterStoreContract;
import dev.switchboard.ports.driven.CounterStore;

/** The counter store contract, against PostgreSQL. */
class PostgresCounterStoreTest extends CounterStoreContract {
    @Override
    protected CounterStore newStore() {
        TestDatabase.emptyCounters();
        return TestDatabase.sharedStorage().counters();
    }
}
