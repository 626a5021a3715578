package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.testing.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading a mailbox after a sequence, acknowledging exactly once, and never seeing a gap filled later. */
abstract class MailboxRules extends SessionStoreRules {

    @Test
    void givesEachRecipientOnlyItsOwnMessages() {
        PairingSession session = quietRoom(2);
        List<SessionMessage> toGuests = send(
                aSignal(session.id(), host(session), guest(session, 1)),
                aSignal(session.id(), host(session), guest(session, 2)));
        List<SessionMessage> toHost = send(aSignal(session.id(), guest(session, 1), host(session)));

        assertThat(allMessagesFor(guest(session, 1).keyId())).containsExactly(toGuests.get(0));
        assertThat(allMessagesFor(guest(session, 2).keyId())).containsExactly(toGuests.get(1));
        assertThat(allMessagesFor(host(session).keyId())).isEqualTo(toHost);
        assertThat(allMessagesFor(randomKeyId())).isEmpty();
    }

    @Test
    void returnsAtMostTheLimitOfMessagesAfterTheGivenSequenceInOrder() {
        PairingSession session = quietRoom(1);
        List<SessionMessage> sent = send(signals(session, 5));

        assertThat(store.messagesFor(guest(session).keyId(), sent.get(0).sequence(), 2))
                .isEqualTo(sent.subList(1, 3));
        assertThat(store.messagesFor(guest(session).keyId(), sent.get(4).sequence(), ROOMY)).isEmpty();
    }

    @Test
    void mergesTheMessagesOfAllTheRecipientsSessionsInSequenceOrder() {
        String recipient = randomKeyId();
        PairingSession first = create(aSession());
        PairingSession second = create(aSession());
        Member inFirst = join(first, recipient);
        Member inSecond = join(second, recipient);

        List<SessionMessage> sent = new ArrayList<>();
        sent.addAll(send(aSignal(second.id(), host(second), inSecond)));
        sent.addAll(send(aSignal(first.id(), host(first), inFirst), aSignal(first.id(), host(first), inFirst)));
        sent.addAll(send(aSignal(second.id(), host(second), inSecond)));

        assertThat(allMessagesFor(recipient)).isEqualTo(sent);
    }

    @Test
    void deletesTheMessagesUpToTheAcknowledgedSequenceAndCountsThem() {
        PairingSession session = quietRoom(1);
        List<SessionMessage> sent = send(signals(session, 4));

        assertThat(store.acknowledge(guest(session).keyId(), sent.get(1).sequence())).isEqualTo(2);

        assertThat(allMessagesFor(guest(session).keyId())).isEqualTo(sent.subList(2, 4));
    }

    @Test
    void neverReturnsAnAcknowledgedMessageAgain() {
        PairingSession session = quietRoom(1);
        List<SessionMessage> sent = send(signals(session, 3));
        store.acknowledge(guest(session).keyId(), sent.get(2).sequence());

        assertThat(allMessagesFor(guest(session).keyId())).isEmpty();
        assertThat(store.acknowledge(guest(session).keyId(), sent.get(2).sequence())).isZero();
        assertThat(store.messagesFor(guest(session).keyId(), 0, ROOMY)).isEmpty();
    }

    @Test
    void acknowledgesOnlyTheRecipientsOwnMessages() {
        PairingSession session = quietRoom(2);
        List<SessionMessage> sent = send(
                aSignal(session.id(), host(session), guest(session, 1)),
                aSignal(session.id(), host(session), guest(session, 2)));

        assertThat(store.acknowledge(guest(session, 1).keyId(), Long.MAX_VALUE)).isEqualTo(1);

        assertThat(allMessagesFor(guest(session, 2).keyId())).containsExactly(sent.get(1));
    }

    @Test
    void acknowledgesNothingForARecipientWithoutMessages() {
        assertThat(store.acknowledge(randomKeyId(), Long.MAX_VALUE)).isZero();
    }

    @Test
    void countsEachMessageOnceUnderConcurrentAcknowledgements() {
        PairingSession session = quietRoom(1);
        List<SessionMessage> sent = send(signals(session, 600));
        String recipient = guest(session).keyId();

        List<Integer> deleted = Race.run(8, i -> IntStream.iterate(2, n -> n < sent.size(), n -> n + 3)
                .map(n -> store.acknowledge(recipient, sent.get(n).sequence())).sum());

        assertThat(deleted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(600);
        assertThat(allMessagesFor(recipient)).isEmpty();
    }

    @Test
    void letsPollingReadersSeeEveryMessageOnceAndInOrderWhileOthersSend() {
        String reader = randomKeyId();
        String acknowledger = randomKeyId();
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PairingSession session = create(aSession().capacity(4));
            Member second = join(session, randomKeyId());
            List<Member> readers = List.of(join(session, reader), join(session, acknowledger));
            routes.add(new Route(session.id(), host(session), readers));
            routes.add(new Route(session.id(), second, readers));
        }
        store.acknowledge(reader, Long.MAX_VALUE);
        AtomicInteger sending = new AtomicInteger(routes.size());

        List<List<SessionMessage>> outcomes = Race.run(2 + routes.size(), i -> switch (i) {
            case 0 -> pollUntilDrained(reader, false, sending);
            case 1 -> pollUntilDrained(acknowledger, true, sending);
            default -> sendInBatches(routes.get(i - 2), 60, sending);
        });

        List<SessionMessage> delivered = outcomes.subList(2, outcomes.size()).stream().flatMap(List::stream).toList();
        assertThat(outcomes.get(0)).extracting(SessionMessage::sequence)
                .containsExactlyElementsOf(sequencesTo(reader, delivered));
        assertThat(outcomes.get(1)).extracting(SessionMessage::sequence)
                .containsExactlyElementsOf(sequencesTo(acknowledger, delivered));
        assertThat(allMessagesFor(acknowledger)).isEmpty();
    }

    /** Polls with a small page, as a client does, until the senders are done and nothing is left. */
    private List<SessionMessage> pollUntilDrained(String recipient, boolean acknowledge, AtomicInteger sending) {
        List<SessionMessage> seen = new ArrayList<>();
        long cursor = 0;
        while (true) {
            boolean sendersDone = sending.get() == 0;
            List<SessionMessage> page = store.messagesFor(recipient, cursor, 7);
            for (SessionMessage message : page) {
                seen.add(message);
                cursor = message.sequence();
            }
            if (acknowledge && !page.isEmpty()) {
                store.acknowledge(recipient, cursor);
            }
            if (page.isEmpty()) {
                if (sendersDone) {
                    return seen;
                }
                Thread.yield();
            }
        }
    }

    /** Sends {@code total} signals along {@code route} in batches of one to three, alternating the recipients. */
    private List<SessionMessage> sendInBatches(Route route, int total, AtomicInteger sending) {
        try {
            List<SessionMessage> delivered = new ArrayList<>();
            for (int batch = 1; delivered.size() < total; batch = batch % 3 + 1) {
                int first = delivered.size();
                List<SessionMessage> signals = IntStream.range(first, Math.min(first + batch, total))
                        .<SessionMessage>mapToObj(n -> aSignal(route.session(), route.from(), route.to().get(n % 2)))
                        .toList();
                Delivery delivery = store.deliver(route.session(), signals, NOW, EXTENSION, ROOMY);
                delivered.addAll(((Delivery.Delivered) delivery).messages());
            }
            return delivered;
        } finally {
            sending.decrementAndGet();
        }
    }

    private static List<Long> sequencesTo(String recipient, List<SessionMessage> messages) {
        return messages.stream().filter(message -> message.recipientKeyId().equals(recipient))
                .map(SessionMessage::sequence).sorted().toList();
    }

    private static SessionMessage[] signals(PairingSession session, int count) {
        return IntStream.range(0, count).mapToObj(i -> aSignal(session.id(), host(session), guest(session)))
                .toArray(SessionMessage[]::new);
    }

    /** One sender in one session and the two readers it writes to. */
    private record Route(SessionId session, Member from, List<Member> to) {}
}
