package dev.switchboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalingPolicyTest {
    private static final SignalingPolicy DEFAULTS = SignalingPolicy.defaults(keys());

    private static MasterKeyRing keys() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        return MasterKeyRing.of(key);
    }

    @Test
    void acceptsCredentialsForThirtyDaysByDefault() {
        assertThat(DEFAULTS.credentialLifetime()).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1H", "P3650D", "P365D"})
    void acceptsACredentialLifetimeFromOneHourToTenYears(String lifetime) {
        assertThat(DEFAULTS.withCredentialLifetime(Duration.parse(lifetime)).credentialLifetime())
                .isEqualTo(Duration.parse(lifetime));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT59M59S", "P3650DT1S", "PT0S", "-PT1H"})
    void refusesACredentialLifetimeOutsideItsBounds(String lifetime) {
        assertThatThrownBy(() -> DEFAULTS.withCredentialLifetime(Duration.parse(lifetime)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentialLifetime must be from 1 hour to 3650 days");
    }

    @Test
    void keepsEverythingElseWhenTheLifetimeChanges() {
        SignalingPolicy changed = DEFAULTS.withCredentialLifetime(Duration.ofDays(7));

        assertThat(changed).usingRecursiveComparison().ignoringFields("credentialLifetime").isEqualTo(DEFAULTS);
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> new SignalingPolicy(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(2), 0, 50, 100, 100, 1000, keys()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signatureWindow")
                .hasMessageContaining("credentialLifetime")
                .hasMessageContaining("maxOffersPerPublish");
    }
}
