package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.EventPublisherContract;
import dev.switchboard.ports.driven.EventPublisher;

/** The event publisher contract, against memory. */
class InMemoryEventPublisherTest extends EventPublisherContract {
    @Override
    protected EventPublisher newPublisher() {
        return new InMemoryEventPublisher();
    }
}
