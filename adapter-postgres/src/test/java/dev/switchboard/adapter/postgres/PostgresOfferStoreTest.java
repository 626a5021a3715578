package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.OfferStoreContract;
import dev.switchboard.ports.driven.OfferStore;

/** The offer store contract, against PostgreSQL. */
class PostgresOfferStoreTest extends OfferStoreContract {
    @Override
    protected OfferStore newStore() {
        TestDatabase.emptyOffers();
        return TestDatabase.sharedStorage().offers();
    }
}
