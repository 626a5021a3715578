package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.EventPublisherContract;
import dev.switchboard.ports.driven.EventPublisher;

/** The event publisher contract, against PostgreSQL, publishing and subscribing on one instance. */
class PostgresEventPublisherTest extends EventPublisherContract {
    @Override
    protected EventPublisher newPublisher() {
        return TestDatabase.sharedStorage().events();
    }
}
