package dev.switchboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.model.StoreHealth;
import org.junit.jupiter.api.Test;

class ReportHealthServiceTest {

    @Test
    void reportsTheInMemoryStoreAsAvailable() {
        assertThat(new TestCore().useCases().reportHealth().report()).isEqualTo(new StoreHealth("memory", true));
    }

    @Test
    void reportsAStoreThatDoesNotAnswerAsUnavailable() {
        SignalingStorage storage = mock(SignalingStorage.class);
        when(storage.health()).thenReturn(new StoreHealth("postgres", false));

        assertThat(new ReportHealthService(storage).report()).isEqualTo(new StoreHealth("postgres", false));
    }
}
