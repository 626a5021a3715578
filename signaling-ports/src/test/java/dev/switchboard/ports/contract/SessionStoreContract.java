package dev.switchboard.ports.contract;

import dev.switchboard.ports.driven.SessionStore;
import org.junit.jupiter.api.Nested;

/**
 * What every {@link SessionStore} must do; an adapter's test extends this and supplies the store. The rules
 * are grouped by concern, one class each, and run here as nested groups.
 */
public abstract class SessionStoreContract {

    /**
     * A new store holding no sessions: {@code deleteExpired} and {@code silentMembers} see every session of
     * the store, so a database-backed adapter empties its tables here. Ids, key ids and invite codes are
     * random, so nothing else depends on a store being empty.
     */
    protected abstract SessionStore newStore();

    @Nested
    class CreatingAndFinding extends SessionCreationRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }

    @Nested
    class Joining extends JoiningRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }

    @Nested
    class Leaving extends LeavingRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }

    @Nested
    class Closing extends ClosingRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }

    @Nested
    class Delivering extends DeliveryRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }

    @Nested
    class ReadingAndAcknowledging extends MailboxRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }

    @Nested
    class TrackingPresence extends PresenceRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }

    @Nested
    class Sweeping extends SessionSweepRules {
        @Override
        protected SessionStore newStore() {
            return SessionStoreContract.this.newStore();
        }
    }
}
