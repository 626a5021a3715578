package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.TransferStoreContract;
import dev.switchboard.ports.driven.TransferStore;

/** The transfer store contract, against PostgreSQL. */
class PostgresTransferStoreTest extends TransferStoreContract {
    @Override
    protected TransferStore newStore() {
        TestDatabase.emptyTransfers();
        return TestDatabase.sharedStorage().transfers();
    }
}
