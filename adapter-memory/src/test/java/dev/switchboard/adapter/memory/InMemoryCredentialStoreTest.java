package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.CredentialStoreContract;
import dev.switchboard.ports.driven.CredentialStore;

/** The credential store contract, against memory. */
class InMemoryCredentialStoreTest extends CredentialStoreContract {
    @Override
    protected CredentialStore newStore() {
        return new InMemoryCredentialStore();
    }
}
