package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.NonceStoreContract;
import dev.switchboard.ports.driven.NonceStore;

/** The nonce store contract, against memory. */
class InMemoryNonceStoreTest extends NonceStoreContract {
    @Override
    protected NonceStore newStore() {
        return new InMemoryNonceStore();
    }
}
