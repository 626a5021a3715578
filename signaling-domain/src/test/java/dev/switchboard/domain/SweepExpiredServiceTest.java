package dev.switchboard.domain;

import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driving.SweepExpired;
import dev.switchboard.ports.model.Offer;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SweepExpiredServiceTest {
    private final TestCore core = new TestCore();
    private final SweepExpired sweeper = core.sweeper();

    private boolean remember(String nonce) {
        return core.storage.nonces().rememberIfAbsent(BOB.keyId(), nonce, core.clock.instant().plusSeconds(600));
    }

    @Nested
    class WhenSomeRecordsHaveExpired {
        private final Offer shortLived = core.publish(ALICE, Duration.ofSeconds(30));
        private final Offer longLived = core.publish(ALICE, Duration.ofMinutes(10));
        private final Offer answered = core.publish(ALICE, Duration.ofSeconds(30));

        WhenSomeRecordsHaveExpired() {
            core.storage.nonces().rememberIfAbsent(BOB.keyId(), "nonce-soon", core.clock.instant().plusSeconds(60));
            core.storage.nonces().rememberIfAbsent(BOB.keyId(), "nonce-later", core.clock.instant().plusSeconds(600));
            core.answer(BOB, answered);
            core.clock.advance(Duration.ofSeconds(60));
        }

        @Test
        void deletesExpiredOffersAndForgetsExpiredNonces() {
            assertThat(sweeper.sweep()).isEqualTo(new SweepExpired.Swept(1, 1));

            assertThat(core.storage.offers().find(shortLived.id())).isEmpty();
            assertThat(remember("nonce-soon")).as("a forgotten nonce is new again").isTrue();
        }

        @Test
        void keepsLiveOffersAndAnsweredOffersWithinTheirRetention() {
            sweeper.sweep();

            assertThat(core.storage.offers().find(longLived.id())).isPresent();
            assertThat(core.storage.offers().find(answered.id())).isPresent();
            assertThat(remember("nonce-later")).as("a remembered nonce is still a replay").isFalse();
        }

        @Test
        void findsNothingMoreToSweepTheSecondTime() {
            sweeper.sweep();

            assertThat(sweeper.sweep()).isEqualTo(new SweepExpired.Swept(0, 0));
        }
    }
}
