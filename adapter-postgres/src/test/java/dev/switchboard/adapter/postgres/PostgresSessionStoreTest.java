package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.SessionStoreContract;
import dev.switchboard.ports.driven.SessionStore;

/** The session store contract, against PostgreSQL. */
class PostgresSessionStoreTest extends SessionStoreContract {
    @Override
    protected SessionStore newStore() {
        TestDatabase.emptySessions();
        return TestDatabase.sharedStorage().sessions();
    }
}
