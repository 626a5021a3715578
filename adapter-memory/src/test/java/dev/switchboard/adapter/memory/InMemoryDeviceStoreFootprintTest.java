package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.DeviceFixtures.NOW;
import static dev.switchboard.ports.testing.DeviceFixtures.aDevice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A swept or deleted device leaves nothing behind in memory. */
class InMemoryDeviceStoreFootprintTest {
    private final InMemoryDeviceStore store = new InMemoryDeviceStore();

    @Test
    void holdsOnlyTheDevicesThatOutliveTheSweepOrAreNotDeleted() {
        store.insert(aDevice().expiresAt(NOW).build(), NOW.minusMillis(1));
        var deleted = aDevice().build();
        store.insert(deleted, NOW);
        store.insert(aDevice().expiresAt(NOW.plus(Duration.ofMinutes(1))).build(), NOW);

        store.delete(deleted.id(), 1);
        store.deleteExpired(NOW);

        assertThat(store.size()).isEqualTo(1);
    }
}
