package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.SessionStoreContract;
import dev.switchboard.ports.driven.SessionStore;

/** The session store contract, against memory. */
class InMemorySessionStoreTest extends SessionStoreContract {
    @Override
    protected SessionStore newStore() {
        return new InMemorySessionStore();
    }
}
