package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.ports.model.Subscription;
import dev.switchboard.ports.testing.WakeCounter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Subscribers cannot hurt each other or the publisher: no lock is held while calling back, no failure spreads. */
class InMemoryEventPublisherIsolationTest {
    private final InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    private final String key = randomKeyId();

    @Test
    void wakesSubscribersBeforePublishReturns() {
        WakeCounter subscriber = new WakeCounter();
        publisher.subscribe(key, subscriber);

        publisher.publish(Set.of(key));

        assertThat(subscriber.count()).isEqualTo(1);
    }

    @Test
    void wakesTheOtherSubscribersWhenOneThrows() {
        WakeCounter before = new WakeCounter();
        WakeCounter after = new WakeCounter();
        publisher.subscribe(key, before);
        publisher.subscribe(key, () -> {
            throw new IllegalStateException("a misbehaving subscriber");
        });
        publisher.subscribe(key, after);

        assertThatCode(() -> publisher.publish(Set.of(key))).doesNotThrowAnyException();

        assertThat(before.count()).isEqualTo(1);
        assertThat(after.count()).isEqualTo(1);
    }

    @Test
    void holdsNoLockWhileCallingBack() {
        AtomicBoolean otherThreadSubscribedMeanwhile = new AtomicBoolean();
        publisher.subscribe(key, () -> {
            try {
                CompletableFuture.runAsync(() -> publisher.subscribe(key, () -> { }).close())
                        .get(5, TimeUnit.SECONDS);
                otherThreadSubscribedMeanwhile.set(true);
            } catch (Exception blocked) {
                // Left false: the other thread could not subscribe while this callback ran.
            }
        });

        publisher.publish(Set.of(key));

        assertThat(otherThreadSubscribedMeanwhile).isTrue();
    }

    @Test
    void letsASubscriberCloseItsOwnSubscriptionWhileBeingWoken() {
        WakeCounter wakeUps = new WakeCounter();
        AtomicReference<Subscription> own = new AtomicReference<>();
        own.set(publisher.subscribe(key, () -> {
            wakeUps.run();
            own.get().close();
        }));

        publisher.publish(Set.of(key));
        publisher.publish(Set.of(key));

        assertThat(wakeUps.count()).isEqualTo(1);
    }

    @Test
    void forgetsAKeyOnceItsLastSubscriptionCloses() {
        Subscription first = publisher.subscribe(key, () -> { });
        Subscription second = publisher.subscribe(key, () -> { });

        first.close();
        assertThat(publisher.watchedKeys()).isEqualTo(1);
        second.close();
        second.close();

        assertThat(publisher.watchedKeys()).isZero();
    }
}
