package dev.switchboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.model.Admission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The header arithmetic of a GCRA bucket, for a budget of 5 per minute (one token every 12 s). */
class GcraTest {
    private static final RateLimitPolicy.Budget FIVE_PER_MINUTE = new RateLimitPolicy.Budget(5, Duration.ofMinutes(1));
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static Admission read(boolean allowed, Duration tatAfterNow) {
        return Gcra.admission("api-call-address", FIVE_PER_MINUTE,
                new RateLimitStore.Bucket(allowed, NOW.plus(tatAfterNow)), NOW);
    }

    @Nested
    class WhenAllowed {

        @Test
        void countsTheTokensLeftAfterTheFirstOfFive() {
            Admission admission = read(true, Duration.ofSeconds(12));

            assertThat(admission.allowed()).isTrue();
            assertThat(admission.remaining()).isEqualTo(4);
            assertThat(admission.reset()).isEqualTo(Duration.ofSeconds(12));
            assertThat(admission.retryAfter()).isEmpty();
            assertThat(admission.degraded()).isFalse();
        }

        @Test
        void statesThePolicyItsQuotaAndItsWindow() {
            Admission admission = read(true, Duration.ofSeconds(12));

            assertThat(admission.policy()).isEqualTo("api-call-address");
            assertThat(admission.quota()).isEqualTo(5);
            assertThat(admission.window()).isEqualTo(Duration.ofMinutes(1));
        }

        @Test
        void leavesNothingAfterTheLastToken() {
            Admission admission = read(true, Duration.ofSeconds(60));

            assertThat(admission.remaining()).isZero();
            assertThat(admission.reset()).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void roundsAPartlyRegainedTokenDown() {
            Admission admission = read(true, Duration.ofSeconds(35));

            assertThat(admission.remaining()).as("25 s of room is two whole tokens").isEqualTo(2);
            assertThat(admission.reset()).isEqualTo(Duration.ofSeconds(35));
        }
    }

    @Nested
    class WhenRefused {

        @Test
        void tellsTheClientToRetryWhenOneTokenIsBack() {
            Admission admission = read(false, Duration.ofSeconds(60));

            assertThat(admission.allowed()).isFalse();
            assertThat(admission.remaining()).isZero();
            assertThat(admission.reset()).isEqualTo(Duration.ofSeconds(60));
            assertThat(admission.retryAfter()).contains(Duration.ofSeconds(12));
        }

        @Test
        void roundsRetryAfterUpToWholeSeconds() {
            Admission admission = read(false, Duration.ofMillis(52_500));

            assertThat(admission.retryAfter()).as("4.5 s rounded up").contains(Duration.ofSeconds(5));
        }

        @Test
        void roundsEvenANanosecondUpToASecond() {
            Admission admission = read(false, Duration.ofSeconds(48).plusNanos(1));

            assertThat(admission.retryAfter()).contains(Duration.ofSeconds(1));
        }

        @Test
        void neverTellsTheClientToRetryAtOnce() {
            Admission admission = read(false, Duration.ofSeconds(30));

            assertThat(admission.retryAfter()).as("a refusal the arithmetic alone would not explain")
                    .contains(Duration.ofSeconds(1));
        }
    }

    @Nested
    class WhenTheBucketIsFull {

        @Test
        void reportsTheWholeQuotaAndNoReset() {
            Admission admission = read(true, Duration.ofSeconds(-30));

            assertThat(admission.remaining()).isEqualTo(5);
            assertThat(admission.reset()).isZero();
        }
    }
}
