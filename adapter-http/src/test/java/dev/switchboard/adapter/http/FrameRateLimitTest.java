package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameRateLimitTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void admitsAFullBurstAtOnceAndNothingMore() {
        FrameRateLimit limit = new FrameRateLimit(10, 3, 0);

        assertThat(limit.admit(0)).isTrue();
        assertThat(limit.admit(0)).isTrue();
        assertThat(limit.admit(0)).isTrue();
        assertThat(limit.admit(0)).isFalse();
    }

    @Test
    void admitsOneMoreFrameForEveryIntervalThatPasses() {
        FrameRateLimit limit = new FrameRateLimit(10, 1, 0);

        assertThat(limit.admit(0)).isTrue();
        assertThat(limit.admit(SECOND / 10 - 1)).isFalse();
        assertThat(limit.admit(SECOND / 10)).isTrue();
    }

    @Test
    void refillsTheBurstAfterAQuietSpellButNoFurther() {
        FrameRateLimit limit = new FrameRateLimit(10, 2, 0);
        limit.admit(0);
        limit.admit(0);

        long later = 10 * SECOND;
        assertThat(limit.admit(later)).isTrue();
        assertThat(limit.admit(later)).isTrue();
        assertThat(limit.admit(later)).isFalse();
    }

    @Test
    void sustainsExactlyTheRate() {
        FrameRateLimit limit = new FrameRateLimit(50, 1, 0);
        int admitted = 0;
        for (long now = 0; now < SECOND; now += SECOND / 1000) {
            if (limit.admit(now)) {
                admitted++;
            }
        }

        assertThat(admitted).isEqualTo(50);
    }
}
