package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.OfferStoreContract;
import dev.switchboard.ports.driven.OfferStore;

/** The offer store contract, against memory. */
class InMemoryOfferStoreTest extends OfferStoreContract {
    @Override
    protected OfferStore newStore() {
        return new InMemoryOfferStore();
    }
}
