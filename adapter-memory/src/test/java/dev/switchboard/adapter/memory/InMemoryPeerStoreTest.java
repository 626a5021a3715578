package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.PeerStoreContract;
import dev.switchboard.ports.driven.PeerStore;

/** The peer store contract, against memory. */
class InMemoryPeerStoreTest extends PeerStoreContract {
    @Override
    protected PeerStore newStore() {
        return new InMemoryPeerStore();
    }
}
