package dev.switchboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairingPolicyTest {
    private static final ServerSigningKey KEY = key();

    private static ServerSigningKey key() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 3);
        return ServerSigningKey.of(bytes);
    }

    @Test
    void documentsSensibleDefaults() {
        PairingPolicy defaults = PairingPolicy.defaults(KEY);

        assertThat(defaults.defaultCapacity()).isEqualTo(2);
        assertThat(defaults.maxCapacity()).isEqualTo(16);
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> new PairingPolicy(1, 100, Duration.ofMinutes(10), Duration.ofMinutes(5),
                Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(45),
                Duration.ofMinutes(1), 0, 16, 10, Duration.ofMillis(10), Duration.ofMillis(10), KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCapacity")
                .hasMessageContaining("defaultSessionTtl")
                .hasMessageContaining("maxQueuedPerRecipient")
                .hasMessageContaining("ticketTtl must be at least one second")
                .hasMessageContaining("joinFailureWindow must be at least one second");
    }
}
