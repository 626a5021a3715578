package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aConnection;
import static dev.switchboard.ports.testing.PeerFixtures.aMessage;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static dev.switchboard.ports.testing.PeerFixtures.randomKey;
import static dev.switchboard.ports.testing.PeerFixtures.randomToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driven.PeerStore.Claim;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The PeerJS races, decided by the database for two instances that share it: every contender runs on its own
 * pooled connection, half of them through each instance.
 */
class PostgresPeerRacesTest extends TwoInstanceRaces {
    private static final Instant SEEN_AFTER = NOW.minus(Duration.ofMinutes(1));
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final int ROOMY_PER_PEER = 100_000;
    private static final long ROOMY_TOTAL = 10_000_000;

    /** The instance the {@code i}-th contender goes through. */
    private PeerStore via(int i) {
        return instance(i).peers();
    }

    @Nested
    class WhenManySocketsClaimOneId {
        @Test
        void givesTheIdToExactlyOneAndTellsTheOthersItIsTaken() {
            PeerAddress peer = randomAddress();
            List<PeerConnection> sockets =
                    IntStream.range(0, 60).mapToObj(i -> aConnection(peer, randomToken(), NOW)).toList();

            List<Claim> claims = Race.run(sockets.size(), i -> via(i).claim(sockets.get(i), SEEN_AFTER, NO_LIMIT));

            assertThat(claims).filteredOn(Claim.Claimed.class::isInstance).hasSize(1);
            assertThat(claims).filteredOn(Claim.IdTaken.class::isInstance).hasSize(sockets.size() - 1);
            PeerConnection winner = sockets.get(claims.indexOf(new Claim.Claimed(Optional.empty())));
            assertThat(second.peers().holder(peer)).contains(winner);
        }

        @Test
        void letsReconnectsWithOneTokenSupersedeEachOtherInAChain() {
            PeerAddress peer = randomAddress();
            String token = randomToken();
            List<PeerConnection> sockets =
                    IntStream.range(0, 40).mapToObj(i -> aConnection(peer, token, NOW)).toList();

            List<Claim> claims = Race.run(sockets.size(), i -> via(i).claim(sockets.get(i), SEEN_AFTER, NO_LIMIT));

            // Each claim replaced the one before it: one found the id free, every other superseded a distinct one.
            assertThat(claims).containsOnlyOnce(new Claim.Claimed(Optional.empty()));
            List<PeerConnection> superseded = claims.stream()
                    .map(claim -> ((Claim.Claimed) claim).superseded())
                    .flatMap(Optional::stream)
                    .toList();
            assertThat(superseded).hasSize(sockets.size() - 1).doesNotHaveDuplicates();
            PeerConnection holder = first.peers().holder(peer).orElseThrow();
            assertThat(superseded).doesNotContain(holder);
            assertThat(sockets).contains(holder);
        }
    }

    @Nested
    class WhenManyNewIdsJoinOneRealm {
        @Test
        void neverLetsTheRealmExceedItsLimit() {
            String realm = randomKey();
            int limit = 10;
            List<PeerConnection> sockets =
                    IntStream.range(0, 60).mapToObj(i -> aConnection(randomAddress(realm))).toList();

            List<Claim> claims = Race.run(sockets.size(), i -> via(i).claim(sockets.get(i), SEEN_AFTER, limit));

            assertThat(claims).filteredOn(Claim.Claimed.class::isInstance).hasSize(limit);
            assertThat(claims).filteredOn(Claim.RealmFull.class::isInstance).hasSize(sockets.size() - limit);
            assertThat(first.peers().liveIds(realm, SEEN_AFTER, 100)).hasSize(limit);
        }

        @Test
        void countsAStaleHolderReplacedAsANewId() {
            String realm = randomKey();
            PeerAddress reused = randomAddress(realm);
            first.peers().claim(aConnection(reused, randomToken(), SEEN_AFTER.minusMillis(1)), NOW.minusSeconds(600), 1);
            List<PeerConnection> sockets = new ArrayList<>();
            sockets.add(aConnection(reused));
            IntStream.range(0, 30).forEach(i -> sockets.add(aConnection(randomAddress(realm))));

            List<Claim> claims = Race.run(sockets.size(), i -> via(i).claim(sockets.get(i), SEEN_AFTER, 3));

            assertThat(claims).filteredOn(Claim.Claimed.class::isInstance).hasSize(3);
            assertThat(second.peers().liveIds(realm, SEEN_AFTER, 100)).hasSize(3);
        }
    }

    @Nested
    class WhenManySendToOnePeer {
        @Test
        void queuesExactlyUpToItsBound() {
            PeerAddress recipient = randomAddress();

            List<Optional<PeerMessage>> queued =
                    Race.run(60, i -> via(i).enqueue(aMessage(recipient), 7, ROOMY_TOTAL));

            assertThat(queued).filteredOn(Optional::isPresent).hasSize(7);
            assertThat(first.peers().queued(recipient, 0, 100)).hasSize(7);
        }

        @Test
        void letsAReaderOnEitherInstanceSeeEverySequenceOnceAndInOrder() {
            PeerAddress recipient = randomAddress();
            int messages = 300;
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Long> seen = new ArrayList<>();
            Thread reader = new Thread(() -> {
                long cursor = 0;
                while (true) {
                    boolean sent = !sending.get();
                    List<PeerMessage> batch = second.peers().queued(recipient, cursor, 50);
                    for (PeerMessage message : batch) {
                        seen.add(message.sequence());
                        cursor = message.sequence();
                    }
                    if (sent && batch.isEmpty()) {
                        return;
                    }
                }
            }, "peer-queue-reader");
            reader.start();

            List<Optional<PeerMessage>> sent =
                    Race.run(messages, i -> via(i).enqueue(aMessage(recipient), ROOMY_PER_PEER, ROOMY_TOTAL));
            sending.set(false);
            join(reader);

            List<Long> stored = sent.stream().map(Optional::orElseThrow).map(PeerMessage::sequence).sorted().toList();
            assertThat(seen).as("every sequence once, in order, none skipped").isEqualTo(stored);
        }
    }

    @Nested
    class WhenManySendToManyPeers {
        @BeforeEach
        void emptyTheQueues() {
            TestDatabase.emptyPeers();
        }

        @Test
        void queuesExactlyUpToTheTotalBound() {
            List<Optional<PeerMessage>> queued =
                    Race.run(60, i -> via(i).enqueue(aMessage(randomAddress()), ROOMY_PER_PEER, 9));

            assertThat(queued).filteredOn(Optional::isPresent).hasSize(9);
        }

        @Test
        void freesRoomInTheTotalAsMessagesAreAcknowledgedOrExpired() {
            PeerAddress reader = randomAddress();
            PeerMessage read = first.peers().enqueue(aMessage(reader), ROOMY_PER_PEER, 2).orElseThrow();
            first.peers().enqueue(aMessage(randomAddress(), NOW.minusSeconds(60)), ROOMY_PER_PEER, 2).orElseThrow();
            assertThat(second.peers().enqueue(aMessage(randomAddress()), ROOMY_PER_PEER, 2)).isEmpty();

            assertThat(second.peers().acknowledge(reader, read.sequence())).isEqualTo(1);
            assertThat(second.peers().expireUndelivered(NOW.minusSeconds(30), SEEN_AFTER, 10)).hasSize(1);

            List<Optional<PeerMessage>> queued =
                    Race.run(20, i -> via(i).enqueue(aMessage(randomAddress()), ROOMY_PER_PEER, 2));
            assertThat(queued).filteredOn(Optional::isPresent).hasSize(2);
        }

        @Test
        void expiresEachUndeliveredMessageForExactlyOneOfTheSweepingInstances() {
            List<PeerMessage> waiting = IntStream.range(0, 400)
                    .mapToObj(i -> first.peers().enqueue(aMessage(randomAddress(), NOW.minusSeconds(10)),
                            ROOMY_PER_PEER, ROOMY_TOTAL).orElseThrow())
                    .toList();

            List<List<PeerMessage>> expired = Race.run(8, i -> {
                List<PeerMessage> mine = new ArrayList<>();
                List<PeerMessage> batch;
                do {
                    batch = via(i).expireUndelivered(NOW, SEEN_AFTER, 25);
                    mine.addAll(batch);
                } while (!batch.isEmpty());
                return mine;
            });

            List<PeerMessage> all = expired.stream().flatMap(List::stream).toList();
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(waiting);
        }

        @Test
        void neverExpiresAMessageWhoseRecipientIsConnectedOnTheOtherInstance() {
            PeerAddress connected = randomAddress();
            second.peers().claim(aConnection(connected), SEEN_AFTER, NO_LIMIT);
            PeerMessage kept = first.peers().enqueue(aMessage(connected, NOW.minusSeconds(10)), ROOMY_PER_PEER,
                    ROOMY_TOTAL).orElseThrow();
            PeerMessage orphan = first.peers().enqueue(aMessage(randomAddress(), NOW.minusSeconds(10)),
                    ROOMY_PER_PEER, ROOMY_TOTAL).orElseThrow();

            assertThat(first.peers().expireUndelivered(NOW, SEEN_AFTER, 10)).containsExactly(orphan);
            assertThat(first.peers().queued(connected, 0, 10)).containsExactly(kept);
        }
    }

    @Nested
    class WhenPeersAreOnDifferentInstances {
        @Test
        void deliversAMessageQueuedOnOneInstanceToARecipientReadingOnTheOther() {
            PeerAddress recipient = randomAddress();
            PeerConnection socket = aConnection(recipient);
            assertThat(second.peers().claim(socket, SEEN_AFTER, NO_LIMIT)).isEqualTo(new Claim.Claimed(Optional.empty()));
            assertThat(first.peers().holder(recipient)).contains(socket);

            PeerMessage sent = first.peers().enqueue(aMessage(recipient), ROOMY_PER_PEER, ROOMY_TOTAL).orElseThrow();

            assertThat(second.peers().queued(recipient, 0, 10)).containsExactly(sent);
            assertThat(second.peers().acknowledge(recipient, sent.sequence())).isEqualTo(1);
            assertThat(first.peers().queued(recipient, 0, 10)).isEmpty();
        }

        @Test
        void letsAReconnectOnOneInstanceSupersedeTheSocketOnTheOther() {
            PeerAddress peer = randomAddress();
            String token = randomToken();
            PeerConnection old = aConnection(peer, token, NOW);
            PeerConnection reconnect = aConnection(peer, token, NOW.plusSeconds(1));
            first.peers().claim(old, SEEN_AFTER, NO_LIMIT);

            assertThat(second.peers().claim(reconnect, SEEN_AFTER, NO_LIMIT))
                    .isEqualTo(new Claim.Claimed(Optional.of(old)));
            assertThat(first.peers().touch(peer, old.connectionId(), NOW.plusSeconds(2))).isFalse();
            assertThat(first.peers().release(peer, old.connectionId())).isFalse();
            assertThat(first.peers().touch(peer, reconnect.connectionId(), NOW.plusSeconds(2))).isTrue();
        }
    }

    @Nested
    class WhenTouchesMeetTheSweep {
        @Test
        void neverForgetsAConnectionTouchedBeforeTheSweepLocksIt() {
            String realm = randomKey();
            List<PeerConnection> sockets = IntStream.range(0, 40)
                    .mapToObj(i -> aConnection(randomAddress(realm), randomToken(), NOW))
                    .toList();
            sockets.forEach(socket -> first.peers().claim(socket, SEEN_AFTER, NO_LIMIT));
            Instant later = NOW.plusSeconds(120);

            // Even contenders touch socket i / 2 at `later`; odd ones sweep what was seen before NOW + 60 s.
            List<Boolean> outcomes = Race.run(80, i -> i % 2 == 0
                    ? via(i).touch(sockets.get(i / 2).peer(), sockets.get(i / 2).connectionId(), later)
                    : via(i).deleteStale(NOW.plusSeconds(60)) >= 0);

            // A touch that committed first made its row fresh, so no sweep may delete it afterwards; a touch that
            // came after the sweep found nothing to touch.
            for (int i = 0; i < sockets.size(); i++) {
                boolean touched = outcomes.get(2 * i);
                assertThat(first.peers().holder(sockets.get(i).peer()).isPresent())
                        .as("socket %d, touched: %s", i, touched)
                        .isEqualTo(touched);
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
