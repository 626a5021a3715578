package dev.switchboard.domain;

import static dev.switchboard.domain.TestCore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.ports.driven.StoreStatistics;
import dev.switchboard.ports.model.Statistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportStatisticsServiceTest {

    @Test
    void asksTheStoreForWhatItHoldsAtTheCurrentTime() {
        Statistics held = new Statistics(1, 2, 3, 4, 5, 6, 7, 8);
        List<Instant> askedAt = new ArrayList<>();
        TestCore core = new TestCore(new ForwardingStorage(new InMemoryStorage()) {
            @Override
            public StoreStatistics statistics() {
                return now -> {
                    askedAt.add(now);
                    return held;
                };
            }
        });
        core.clock.advance(Duration.ofMinutes(3));

        assertThat(core.operations().reportStatistics().report()).isEqualTo(held);
        assertThat(askedAt).containsExactly(core.clock.instant());
    }

    @Test
    void countsLiveOffersAndCredentials() {
        TestCore core = new TestCore();
        core.publish(ALICE);
        core.publish(ALICE, Duration.ofSeconds(30));
        core.useCases().issueCredential().issue();
        core.clock.advance(Duration.ofMinutes(1));

        Statistics statistics = core.operations().reportStatistics().report();

        assertThat(statistics.liveOffers()).as("the 30-second offer has expired").isOne();
        assertThat(statistics.credentials()).isOne();
    }
}
