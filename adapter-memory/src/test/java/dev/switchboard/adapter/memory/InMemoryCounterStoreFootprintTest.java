package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A swept counter leaves nothing behind in memory. */
class InMemoryCounterStoreFootprintTest {
    private final InMemoryCounterStore store = new InMemoryCounterStore();

    @Test
    void holdsOnlyTheCountersThatOutliveTheSweep() {
        store.incrementAndGet("ends-now", NOW);
        store.incrementAndGet("ends-now", NOW);
        store.incrementAndGet("ends-later", NOW.plus(Duration.ofMinutes(1)));

        store.deleteExpired(NOW);

        assertThat(store.size()).isEqualTo(1);
    }
}
