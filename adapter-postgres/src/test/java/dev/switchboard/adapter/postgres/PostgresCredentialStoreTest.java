package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.CredentialStoreContract;
import dev.switchboard.ports.driven.CredentialStore;

/** The credential store contract, against PostgreSQL. */
class PostgresCredentialStoreTest extends CredentialStoreContract {
    @Override
    protected CredentialStore newStore() {
        TestDatabase.emptyCredentials();
        return TestDatabase.sharedStorage().credentials();
    }
}
