package dev.switchboard.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrameRateLimitTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void admitsABurstAtOnceThenRefusesUntilTimeRefillsIt() {
        FrameRateLimit limit = new FrameRateLimit(10, 5, 0);

        assertThat(IntStream.range(0, 5).allMatch(frame -> limit.admit(0))).isTrue();
        assertThat(limit.admit(0)).isFalse();
        assertThat(limit.admit(SECOND / 10)).as("one frame's interval later").isTrue();
        assertThat(limit.admit(SECOND / 10)).isFalse();
    }

    @Test
    void admitsTheSustainedRateForever() {
        FrameRateLimit limit = new FrameRateLimit(100, 1, 0);

        assertThat(IntStream.range(0, 1000).allMatch(frame -> limit.admit(frame * SECOND / 100))).isTrue();
    }

    @Test
    void doesNotLetIdleTimeBuildMoreThanOneBurst() {
        FrameRateLimit limit = new FrameRateLimit(10, 3, 0);

        long later = 60 * SECOND;
        assertThat(IntStream.range(0, 3).allMatch(frame -> limit.admit(later))).isTrue();
        assertThat(limit.admit(later)).isFalse();
    }
}
