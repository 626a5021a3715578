package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.TransferStoreContract;
import dev.switchboard.ports.driven.TransferStore;

/** The transfer store contract, against memory. */
class InMemoryTransferStoreTest extends TransferStoreContract {
    @Override
    protected TransferStore newStore() {
        return new InMemoryTransferStore();
    }
}
