package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wake-ups between instances sharing a database: through NOTIFY, in bulk, and across a lost connection. */
class PostgresWakeUpsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PostgresStorage here;
    private PostgresStorage there;
    private final String key = randomKeyId();

    @BeforeEach
    void startTwoInstances() {
        here = TestDatabase.newStorage();
        there = TestDatabase.newStorage();
    }

    @AfterEach
    void stopThem() {
        here.close();
        there.close();
    }

    @Test
    void wakesASubscriberOnAnotherInstance() {
        WakeCounter subscriber = new WakeCounter();
        there.events().subscribe(key, subscriber);

        here.events().publish(Set.of(key));

        assertThat(subscriber.awaitAtLeast(1, WAIT)).isTrue();
    }

    @Test
    void wakesALocalSubscriberOnceThoughItsOwnNotificationComesBack() {
        WakeCounter local = new WakeCounter();
        WakeCounter remote = new WakeCounter();
        here.events().subscribe(key, local);
        there.events().subscribe(key, remote);
        String marker = randomKeyId();
        WakeCounter markerHere = new WakeCounter();
        here.events().subscribe(marker, markerHere);

        here.events().publish(Set.of(key));
        assertThat(remote.awaitAtLeast(1, WAIT)).isTrue();
        // Notifications arrive in commit order: once the marker is back here, so was the first notification.
        there.events().publish(Set.of(marker));
        assertThat(markerHere.awaitAtLeast(1, WAIT)).isTrue();

        assertThat(local.count()).isEqualTo(1);
    }

    @Test
    void wakesEveryRecipientOfAPublishTooLargeForOneNotification() {
        Set<String> recipients = new LinkedHashSet<>();
        IntStream.range(0, 1000).forEach(i -> recipients.add(randomKeyId()));
        List<WakeCounter> subscribers = recipients.stream().map(recipient -> {
            WakeCounter subscriber = new WakeCounter();
            there.events().subscribe(recipient, subscriber);
            return subscriber;
        }).toList();
        assertThat(WakeUpMessage.payloads("origin", recipients)).hasSizeGreaterThan(1);

        here.events().publish(recipients);

        assertThat(subscribers).allSatisfy(subscriber -> assertThat(subscriber.awaitAtLeast(1, WAIT)).isTrue());
    }

    @Test
    void wakesEveryoneAfterItsListeningConnectionIsCutAndKeepsListening() throws Exception {
        WakeCounter subscriber = new WakeCounter();
        there.events().subscribe(key, subscriber);
        int cutPid = there.listenerBackendPid();

        TestDatabase.terminateBackend(cutPid);

        assertThat(subscriber.awaitAtLeast(1, WAIT)).as("woken after the reconnect").isTrue();
        await().atMost(WAIT).until(() -> there.listenerBackendPid() > 0 && there.listenerBackendPid() != cutPid);
        here.events().publish(Set.of(key));
        assertThat(subscriber.awaitAtLeast(2, WAIT)).as("woken by a notification on the new connection").isTrue();
    }
}
