package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampSerializerTest {
    private final TimestampSerializer serializer = new TimestampSerializer();

    @Test
    void writesThreeFractionDigitsCuttingFinerOnes() {
        assertThat(serializer.format(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(serializer.format(Instant.parse("2026-01-02T03:04:05.123999999Z")))
                .isEqualTo("2026-01-02T03:04:05.123Z");
        assertThat(serializer.format(Instant.EPOCH.minusNanos(1))).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    @Test
    void givesEachInstantItsOwnTextWhateverWasWrittenBefore() {
        Instant base = Instant.parse("2026-01-02T03:04:05.123456Z");
        Instant[] sequence = {base, base.plusNanos(100), base.plusMillis(1), base, base.plusSeconds(1),
                base.minusSeconds(86_400L * 365 * 80), Instant.EPOCH.minusNanos(1), Instant.EPOCH, base.plusSeconds(1)};

        for (Instant instant : sequence) {
            assertThat(serializer.format(instant)).as("%s", instant).isEqualTo(uncached(instant));
        }
    }

    private static String uncached(Instant instant) {
        return new TimestampSerializer().format(instant);
    }
}
