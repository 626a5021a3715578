package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.PeerStoreContract;
import dev.switchboard.ports.driven.PeerStore;

/** The PeerJS store contract, against PostgreSQL. */
class PostgresPeerStoreTest extends PeerStoreContract {
    @Override
    protected PeerStore newStore() {
        TestDatabase.emptyPeers();
        return TestDatabase.sharedStorage().peers();
    }
}
