package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.RateLimitStoreContract;
import dev.switchboard.ports.driven.RateLimitStore;

/** The rate-limit store contract, against memory. */
class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
    @Override
    protected RateLimitStore newStore() {
        return new InMemoryRateLimitStore();
    }
}
