package dev.switchboard.ports.contract;

import dev.switchboard.ports.driven.TransferStore;
import org.junit.jupiter.api.Nested;

/**
 * What every {@link TransferStore} must do; an adapter's test extends this and supplies the store. The rules
 * are grouped by concern, one class each, and run here as nested groups. Instants are whole milliseconds, and
 * chunk bytes are random (zero bytes included, up to a mebibyte), so a store must keep both exactly.
 */
public abstract class TransferStoreContract {

    /**
     * A new store holding no transfers: {@code reservedBytes}, {@code purgeExpired} and {@code forget} see
     * every transfer of the store, so a database-backed adapter empties its tables here. Ids, key ids,
     * addresses and invite codes are random, so nothing else depends on a store being empty.
     */
    protected abstract TransferStore newStore();

    @Nested
    class CreatingAndFinding extends TransferCreationRules {
        @Override
        protected TransferStore newStore() {
            return TransferStoreContract.this.newStore();
        }
    }

    @Nested
    class Claiming extends ClaimRules {
        @Override
        protected TransferStore newStore() {
            return TransferStoreContract.this.newStore();
        }
    }

    @Nested
    class UploadingChunks extends ChunkUploadRules {
        @Override
        protected TransferStore newStore() {
            return TransferStoreContract.this.newStore();
        }
    }

    @Nested
    class DownloadingChunks extends ChunkDownloadRules {
        @Override
        protected TransferStore newStore() {
            return TransferStoreContract.this.newStore();
        }
    }

    @Nested
    class Acknowledging extends AcknowledgementRules {
        @Override
        protected TransferStore newStore() {
            return TransferStoreContract.this.newStore();
        }
    }

    @Nested
    class Counting extends TransferCountingRules {
        @Override
        protected TransferStore newStore() {
            return TransferStoreContract.this.newStore();
        }
    }

    @Nested
    class Sweeping extends TransferSweepRules {
        @Override
        protected TransferStore newStore() {
            return TransferStoreContract.this.newStore();
        }
    }
}
