package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.EventPublisherContract;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.model.Subscription;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The event publisher contract again, with every publish made on one instance and every subscription on
 * another, so that each wake-up travels through NOTIFY and the other instance's listener.
 */
class PostgresEventPublisherAcrossInstancesTest extends EventPublisherContract {
    private static PostgresStorage publishing;
    private static PostgresStorage subscribing;

    @BeforeAll
    static void startTwoInstances() {
        publishing = TestDatabase.newStorage();
        subscribing = TestDatabase.newStorage();
    }

    @AfterAll
    static void stopThem() {
        publishing.close();
        subscribing.close();
    }

    @Override
    protected EventPublisher newPublisher() {
        return new EventPublisher() {
            @Override
            public void publish(Set<String> recipientKeyIds) {
                publishing.events().publish(recipientKeyIds);
            }

            @Override
            public Subscription subscribe(String recipientKeyId, Runnable onEvent) {
                return subscribing.events().subscribe(recipientKeyId, onEvent);
            }
        };
    }
}
