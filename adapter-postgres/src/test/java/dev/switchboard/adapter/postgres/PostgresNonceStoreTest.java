package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.NonceStoreContract;
import dev.switchboard.ports.driven.NonceStore;

/** The nonce store contract, against PostgreSQL. */
class PostgresNonceStoreTest extends NonceStoreContract {
    @Override
    protected NonceStore newStore() {
        TestDatabase.emptyNonces();
        return TestDatabase.sharedStorage().nonces();
    }
}
