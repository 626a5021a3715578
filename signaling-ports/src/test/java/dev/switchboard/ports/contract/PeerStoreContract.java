package dev.switchboard.ports.contract;

import dev.switchboard.ports.driven.PeerStore;
import org.junit.jupiter.api.Nested;

/**
 * What every {@link PeerStore} must do; an adapter's test extends this and supplies the store. The rules are
 * grouped by concern, one class each, and run here as nested groups. Instants are whole milliseconds;
 * payloads are large and include characters outside the Basic Multilingual Plane, so a store must keep both
 * exactly. Ids in ordering tests are lower-case letters, which sort alike in Java and in any collation.
 */
public abstract class PeerStoreContract {

    /**
     * A new store holding no connections and no messages: {@code enqueue}'s {@code maxTotal},
     * {@code expireUndelivered} and {@code deleteStale} see the whole store, so a database-backed adapter
     * empties its tables here. Realm keys and peer ids are random, so nothing else depends on it being empty.
     */
    protected abstract PeerStore newStore();

    @Nested
    class ClaimingIds extends PeerClaimRules {
        @Override
        protected PeerStore newStore() {
            return PeerStoreContract.this.newStore();
        }
    }

    @Nested
    class HoldingIds extends PeerHoldingRules {
        @Override
        protected PeerStore newStore() {
            return PeerStoreContract.this.newStore();
        }
    }

    @Nested
    class DiscoveringPeers extends PeerDiscoveryRules {
        @Override
        protected PeerStore newStore() {
            return PeerStoreContract.this.newStore();
        }
    }

    @Nested
    class QueueingMessages extends PeerQueueRules {
        @Override
        protected PeerStore newStore() {
            return PeerStoreContract.this.newStore();
        }
    }

    @Nested
    class ExpiringMessages extends PeerExpiryRules {
        @Override
        protected PeerStore newStore() {
            return PeerStoreContract.this.newStore();
        }
    }
}
