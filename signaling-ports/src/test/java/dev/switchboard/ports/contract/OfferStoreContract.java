package dev.switchboard.ports.contract;

import dev.switchboard.ports.driven.OfferStore;
import org.junit.jupiter.api.Nested;

/**
 * What every {@link OfferStore} must do; an adapter's test extends this and supplies the store. The rules
 * are grouped by concern, one class each, and run here as nested groups.
 */
public abstract class OfferStoreContract {

    /**
     * A new store holding no offers: {@code deleteExpired} counts every offer of the store, so a
     * database-backed adapter empties its tables here. Ids, key ids, services and tags are random, so
     * nothing else depends on a store being empty.
     */
    protected abstract OfferStore newStore();

    @Nested
    class SavingAndFinding extends SavingRules {
        @Override
        protected OfferStore newStore() {
            return OfferStoreContract.this.newStore();
        }
    }

    @Nested
    class Answering extends AnsweringRules {
        @Override
        protected OfferStore newStore() {
            return OfferStoreContract.this.newStore();
        }
    }

    @Nested
    class AddingCandidates extends CandidateRules {
        @Override
        protected OfferStore newStore() {
            return OfferStoreContract.this.newStore();
        }
    }

    @Nested
    class RoutingEvents extends EventRoutingRules {
        @Override
        protected OfferStore newStore() {
            return OfferStoreContract.this.newStore();
        }
    }

    @Nested
    class Discovering extends DiscoveryRules {
        @Override
        protected OfferStore newStore() {
            return OfferStoreContract.this.newStore();
        }
    }

    @Nested
    class Removing extends RemovalRules {
        @Override
        protected OfferStore newStore() {
            return OfferStoreContract.this.newStore();
        }
    }
}
