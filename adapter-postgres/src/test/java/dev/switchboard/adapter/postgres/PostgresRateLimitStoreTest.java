package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.RateLimitStoreContract;
import dev.switchboard.ports.driven.RateLimitStore;

/** The rate-limit store contract, against PostgreSQL. */
class PostgresRateLimitStoreTest extends RateLimitStoreContract {
    @Override
    protected RateLimitStore newStore() {
        TestDatabase.emptyRateLimitBuckets();
        return TestDatabase.sharedStorage().rateLimits();
    }
}
