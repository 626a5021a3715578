package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.model.Subscription;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventPublisher} must do; an adapter's test extends this and supplies the publisher.
 * Wake-ups may arrive on another thread, so tests wait for them. A test that expects no wake-up first
 * publishes, in the same call or after, to a subscriber that must be woken, and checks once that one
 * was: a publisher delivers in order, so by then the unwanted wake-up would have happened.
 */
public abstract class EventPublisherContract {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventPublisher publisher;
    private final String key = randomKeyId();
    private final String otherKey = randomKeyId();

    /** A publisher for one test. It may share its channel with other tests: every key here is random. */
    protected abstract EventPublisher newPublisher();

    @BeforeEach
    final void openPublisher() {
        publisher = newPublisher();
    }

    @Test
    void wakesASubscriberWhenItsKeyIsPublished() {
        WakeCounter subscriber = new WakeCounter();
        publisher.subscribe(key, subscriber);

        publisher.publish(Set.of(key));

        assertThat(subscriber.awaitAtLeast(1, WAIT)).isTrue();
    }

    @Test
    void wakesASubscriberAgainOnEachPublish() {
        WakeCounter subscriber = new WakeCounter();
        publisher.subscribe(key, subscriber);

        publisher.publish(Set.of(key));
        assertThat(subscriber.awaitAtLeast(1, WAIT)).isTrue();
        publisher.publish(Set.of(key));

        assertThat(subscriber.awaitAtLeast(2, WAIT)).isTrue();
    }

    @Test
    void wakesEverySubscriberOfTheKey() {
        WakeCounter first = new WakeCounter();
        WakeCounter second = new WakeCounter();
        publisher.subscribe(key, first);
        publisher.subscribe(key, second);

        publisher.publish(Set.of(key));

        assertThat(first.awaitAtLeast(1, WAIT)).isTrue();
        assertThat(second.awaitAtLeast(1, WAIT)).isTrue();
    }

    @Test
    void wakesTheSubscribersOfEveryKeyPublishedTogether() {
        WakeCounter ofKey = new WakeCounter();
        WakeCounter ofOtherKey = new WakeCounter();
        publisher.subscribe(key, ofKey);
        publisher.subscribe(otherKey, ofOtherKey);

        publisher.publish(Set.of(key, otherKey));

        assertThat(ofKey.awaitAtLeast(1, WAIT)).isTrue();
        assertThat(ofOtherKey.awaitAtLeast(1, WAIT)).isTrue();
    }

    @Test
    void leavesSubscribersOfOtherKeysAlone() {
        WakeCounter ofKey = new WakeCounter();
        WakeCounter ofOtherKey = new WakeCounter();
        publisher.subscribe(key, ofKey);
        publisher.subscribe(otherKey, ofOtherKey);

        publisher.publish(Set.of(otherKey));

        assertThat(ofOtherKey.awaitAtLeast(1, WAIT)).isTrue();
        assertThat(ofKey.count()).isZero();
    }

    @Test
    void stopsWakingAClosedSubscription() {
        WakeCounter closed = new WakeCounter();
        WakeCounter open = new WakeCounter();
        Subscription subscription = publisher.subscribe(key, closed);
        publisher.subscribe(key, open);

        subscription.close();
        publisher.publish(Set.of(key));

        assertThat(open.awaitAtLeast(1, WAIT)).isTrue();
        assertThat(closed.count()).isZero();
    }

    @Test
    void toleratesClosingASubscriptionTwice() {
        WakeCounter remaining = new WakeCounter();
        Subscription subscription = publisher.subscribe(key, new WakeCounter());
        publisher.subscribe(key, remaining);

        subscription.close();
        assertThatCode(subscription::close).doesNotThrowAnyException();

        publisher.publish(Set.of(key));
        assertThat(remaining.awaitAtLeast(1, WAIT)).isTrue();
    }

    @Test
    void toleratesPublishingToAKeyNobodyWatches() {
        WakeCounter subscriber = new WakeCounter();
        publisher.subscribe(key, subscriber);

        assertThatCode(() -> publisher.publish(Set.of(otherKey))).doesNotThrowAnyException();
        assertThatCode(() -> publisher.publish(Set.of())).doesNotThrowAnyException();

        publisher.publish(Set.of(key));
        assertThat(subscriber.awaitAtLeast(1, WAIT)).isTrue();
    }
}
