package dev.switchboard.domain.offers;

import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.Subscription;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Watching through the real in-memory publisher: wake-ups reach the caller's own key and no other. */
class WatchEventsServiceTest {
    private final TestCore core = new TestCore();
    private final WatchEvents watch = core.useCases().watchEvents();
    private final Offer offer = core.publish(ALICE);
    private final Watcher alice = new Watcher(ALICE);
    private final Watcher bob = new Watcher(BOB);
    private final Watcher carol = new Watcher(CAROL);

    @AfterEach
    void stopWatching() {
        alice.subscription.close();
        bob.subscription.close();
        carol.subscription.close();
    }

    /** One peer's subscription, counting the wake-ups it receives. */
    private final class Watcher {
        private final Semaphore wakeUps = new Semaphore(0);
        private final Subscription subscription;

        Watcher(Identity peer) {
            subscription = watch.watch(peer, wakeUps::release);
        }

        boolean wokenWithinASecond() throws InterruptedException {
            return wakeUps.tryAcquire(1, TimeUnit.SECONDS);
        }

        int pendingWakeUps() {
            return wakeUps.availablePermits();
        }
    }

    @Nested
    class WhenTheOfferIsAnswered {
        @Test
        void wakesTheOwnerButNeitherTheAnswererNorAStranger() throws InterruptedException {
            core.answer(BOB, offer);

            assertThat(alice.wokenWithinASecond()).isTrue();
            assertThat(bob.pendingWakeUps()).isZero();
            assertThat(carol.pendingWakeUps()).isZero();
        }
    }

    @Nested
    class WhenCandidatesArrive {
        @Test
        void theOwnersCandidatesWakeTheAnswerer() throws InterruptedException {
            core.answer(BOB, offer);
            assertThat(alice.wokenWithinASecond()).isTrue();

            core.addCandidates(ALICE, offer, "host");

            assertThat(bob.wokenWithinASecond()).isTrue();
            assertThat(alice.pendingWakeUps()).isZero();
            assertThat(carol.pendingWakeUps()).isZero();
        }

        @Test
        void theAnswerersCandidatesWakeTheOwner() throws InterruptedException {
            core.answer(BOB, offer);
            assertThat(alice.wokenWithinASecond()).isTrue();

            core.addCandidates(BOB, offer, "host");

            assertThat(alice.wokenWithinASecond()).isTrue();
            assertThat(bob.pendingWakeUps()).isZero();
            assertThat(carol.pendingWakeUps()).isZero();
        }
    }

    @Nested
    class WhenTheSubscriptionIsClosed {
        @Test
        void wakesNoMore() throws InterruptedException {
            alice.subscription.close();

            core.answer(BOB, offer);

            assertThat(alice.wokenWithinASecond()).isFalse();
        }
    }
}
