package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aMessage;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static dev.switchboard.ports.testing.PeerFixtures.randomKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.testing.Race;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Queueing messages for a peer: sequences, bounds, reading them back in order, and acknowledging them. */
abstract class PeerQueueRules extends PeerStoreRules {
    private final PeerAddress recipient = randomAddress();

    @Test
    void storesTheMessageWithAnIncreasingSequence() {
        PeerMessage first = aMessage(recipient);
        PeerMessage second = aMessage(randomAddress());
        PeerMessage third = aMessage(recipient);

        PeerMessage storedFirst = enqueue(first);
        PeerMessage storedSecond = enqueue(second);
        PeerMessage storedThird = enqueue(third);

        assertThat(storedFirst).isEqualTo(first.withSequence(storedFirst.sequence()));
        assertThat(storedFirst.sequence()).isPositive();
        assertThat(storedSecond.sequence()).isGreaterThan(storedFirst.sequence());
        assertThat(storedThird.sequence()).isGreaterThan(storedSecond.sequence());
    }

    @Test
    void keepsALargeUnicodePayloadExactly() {
        String payload = "{\"sdp\":\"" + "v=0\\r\\na=fingerprint:sha-256 AB:CD \u00e9\u4e2d\u6587 \ud83d\ude00 \\\"q\\\" \\\\ \t".repeat(4000)
                + "\"}";
        PeerMessage stored = enqueue(aMessage(recipient, NOW, payload));

        assertThat(store.queued(recipient, 0, 10)).containsExactly(stored);
        assertThat(store.queued(recipient, 0, 10).get(0).payload()).isEqualTo(payload);
    }

    @Test
    void listsTheQueuedMessagesOldestFirst() {
        PeerMessage first = enqueue(aMessage(recipient));
        PeerMessage second = enqueue(aMessage(recipient, NOW.minusSeconds(5)));
        PeerMessage third = enqueue(aMessage(recipient));

        assertThat(store.queued(recipient, 0, 10)).containsExactly(first, second, third);
    }

    @Test
    void listsOnlyTheMessagesAfterTheGivenSequence() {
        PeerMessage first = enqueue(aMessage(recipient));
        PeerMessage second = enqueue(aMessage(recipient));
        PeerMessage third = enqueue(aMessage(recipient));

        assertThat(store.queued(recipient, first.sequence(), 10)).containsExactly(second, third);
        assertThat(store.queued(recipient, third.sequence(), 10)).isEmpty();
    }

    @Test
    void listsAtMostTheLimit() {
        PeerMessage first = enqueue(aMessage(recipient));
        PeerMessage second = enqueue(aMessage(recipient));
        enqueue(aMessage(recipient));

        assertThat(store.queued(recipient, 0, 2)).containsExactly(first, second);
    }

    @Test
    void keepsTheQueuesOfOtherPeersAndRealmsApart() {
        PeerMessage mine = enqueue(aMessage(recipient));
        enqueue(aMessage(randomAddress(recipient.key())));
        enqueue(aMessage(new PeerAddress(randomKey(), recipient.id())));

        assertThat(store.queued(recipient, 0, 10)).containsExactly(mine);
        assertThat(store.queued(randomAddress(), 0, 10)).isEmpty();
    }

    @Test
    void refusesAMessageOnceTheRecipientHoldsMaxPerPeer() {
        store.enqueue(aMessage(recipient), 2, ROOMY_TOTAL);
        store.enqueue(aMessage(recipient), 2, ROOMY_TOTAL);

        assertThat(store.enqueue(aMessage(recipient), 2, ROOMY_TOTAL)).isEmpty();
        assertThat(store.enqueue(aMessage(randomAddress(recipient.key())), 2, ROOMY_TOTAL)).isPresent();
        assertThat(store.queued(recipient, 0, 10)).hasSize(2);
    }

    @Test
    void makesRoomForAPeerAgainOnceItAcknowledged() {
        PeerMessage first = store.enqueue(aMessage(recipient), 1, ROOMY_TOTAL).orElseThrow();
        store.acknowledge(recipient, first.sequence());

        assertThat(store.enqueue(aMessage(recipient), 1, ROOMY_TOTAL)).isPresent();
    }

    @Test
    void refusesAMessageOnceTheStoreHoldsMaxTotal() {
        store.enqueue(aMessage(recipient), ROOMY_PER_PEER, 3);
        store.enqueue(aMessage(randomAddress()), ROOMY_PER_PEER, 3);
        store.enqueue(aMessage(randomAddress()), ROOMY_PER_PEER, 3);

        assertThat(store.enqueue(aMessage(randomAddress()), ROOMY_PER_PEER, 3)).isEmpty();
        assertThat(store.enqueue(aMessage(recipient), ROOMY_PER_PEER, 4)).isPresent();
    }

    @Test
    void deletesTheMessagesUpToTheSequenceAndCountsThem() {
        enqueue(aMessage(recipient));
        PeerMessage second = enqueue(aMessage(recipient));
        PeerMessage third = enqueue(aMessage(recipient));

        assertThat(store.acknowledge(recipient, second.sequence())).isEqualTo(2);

        assertThat(store.queued(recipient, 0, 10)).containsExactly(third);
        assertThat(store.acknowledge(recipient, second.sequence())).isZero();
    }

    @Test
    void acknowledgesOnlyTheRecipientsOwnMessages() {
        PeerAddress sameIdElsewhere = new PeerAddress(randomKey(), recipient.id());
        PeerMessage elsewhere = enqueue(aMessage(sameIdElsewhere));
        PeerMessage neighbour = enqueue(aMessage(randomAddress(recipient.key())));
        enqueue(aMessage(recipient));

        assertThat(store.acknowledge(recipient, Long.MAX_VALUE)).isEqualTo(1);

        assertThat(store.queued(sameIdElsewhere, 0, 10)).containsExactly(elsewhere);
        assertThat(store.queued(neighbour.recipient(), 0, 10)).containsExactly(neighbour);
    }

    @Test
    void givesConcurrentMessagesDistinctSequences() {
        List<PeerAddress> recipients = List.of(recipient, randomAddress(), randomAddress(), randomAddress());

        List<PeerMessage> stored = Race.run(200, i -> enqueue(aMessage(recipients.get(i % recipients.size()))));

        assertThat(stored).extracting(PeerMessage::sequence).doesNotHaveDuplicates();
        assertThat(store.queued(recipient, 0, 100)).hasSize(50).isSortedAccordingTo(
                (a, b) -> Long.compare(a.sequence(), b.sequence()));
    }

    @Test
    void neverLetsConcurrentMessagesExceedMaxPerPeer() {
        List<Optional<PeerMessage>> outcomes = Race.run(100, i -> store.enqueue(aMessage(recipient), 20, ROOMY_TOTAL));

        List<PeerMessage> stored = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(stored).hasSize(20).extracting(PeerMessage::sequence).doesNotHaveDuplicates();
        assertThat(store.queued(recipient, 0, 100)).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void neverLetsConcurrentMessagesExceedMaxTotal() {
        List<Optional<PeerMessage>> outcomes =
                Race.run(100, i -> store.enqueue(aMessage(randomAddress()), ROOMY_PER_PEER, 25));

        assertThat(outcomes.stream().flatMap(Optional::stream).toList())
                .hasSize(25)
                .extracting(PeerMessage::sequence)
                .doesNotHaveDuplicates();
    }
}
