package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.ports.model.Subscription;
import dev.switchboard.ports.testing.WakeCounter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Subscribers cannot hurt each other or the waker: no lock is held while calling back, no failure spreads. */
class LocalSubscribersTest {
    private final LocalSubscribers subscribers = new LocalSubscribers();
    private final String key = randomKeyId();

    @Test
    void wakesTheOtherSubscribersWhenOneThrows() {
        WakeCounter before = new WakeCounter();
        WakeCounter after = new WakeCounter();
        subscribers.subscribe(key, before);
        subscribers.subscribe(key, () -> {
            throw new IllegalStateException("a misbehaving subscriber");
        });
        subscribers.subscribe(key, after);

        assertThatCode(() -> subscribers.wake(List.of(key))).doesNotThrowAnyException();

        assertThat(before.count()).isEqualTo(1);
        assertThat(after.count()).isEqualTo(1);
    }

    @Test
    void holdsNoLockWhileCallingBack() {
        AtomicBoolean otherThreadSubscribedMeanwhile = new AtomicBoolean();
        subscribers.subscribe(key, () -> {
            try {
                CompletableFuture.runAsync(() -> subscribers.subscribe(key, () -> { }).close())
                        .get(5, TimeUnit.SECONDS);
                otherThreadSubscribedMeanwhile.set(true);
            } catch (Exception blocked) {
                // Left false: the other thread could not subscribe while this callback ran.
            }
        });

        subscribers.wake(List.of(key));

        assertThat(otherThreadSubscribedMeanwhile).isTrue();
    }

    @Test
    void letsASubscriberCloseItsOwnSubscriptionWhileBeingWoken() {
        WakeCounter wakeUps = new WakeCounter();
        AtomicReference<Subscription> own = new AtomicReference<>();
        own.set(subscribers.subscribe(key, () -> {
            wakeUps.run();
            own.get().close();
        }));

        subscribers.wake(List.of(key));
        subscribers.wakeAll();

        assertThat(wakeUps.count()).isEqualTo(1);
    }

    @Test
    void wakesEverySubscriberOfEveryKeyWhenAllAreWoken() {
        WakeCounter first = new WakeCounter();
        WakeCounter second = new WakeCounter();
        subscribers.subscribe(key, first);
        subscribers.subscribe(randomKeyId(), second);

        subscribers.wakeAll();

        assertThat(first.count()).isEqualTo(1);
        assertThat(second.count()).isEqualTo(1);
    }

    @Test
    void forgetsAKeyOnceItsLastSubscriptionCloses() {
        Subscription first = subscribers.subscribe(key, () -> { });
        Subscription second = subscribers.subscribe(key, () -> { });

        first.close();
        assertThat(subscribers.watchedKeys()).isEqualTo(1);
        second.close();
        second.close();

        assertThat(subscribers.watchedKeys()).isZero();
    }
}
