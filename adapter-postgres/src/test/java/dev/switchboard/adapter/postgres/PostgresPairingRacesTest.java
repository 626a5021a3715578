package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static dev.switchboard.ports.testing.SessionFixtures.randomInviteCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.driven.SessionStore.JoinAttempt;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.testing.Race;
import dev.switchboard.ports.testing.SessionFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The races of pairing sessions and counters, decided by the database for two instances that share it:
 * every contender runs on its own pooled connection, half of them through each instance.
 */
class PostgresPairingRacesTest extends TwoInstanceRaces {
    private static final Duration EXTENSION = Duration.ofMinutes(5);
    private static final int ROOMY = 100_000;

    /** The instance the {@code i}-th contender goes through. */
    private SessionStore via(int i) {
        return instance(i).sessions();
    }

    @Nested
    class WhenManyOpenSessionsWithOneCode {
        @Test
        void letsExactlyOneHoldTheCode() {
            InviteCode code = randomInviteCode();
            List<PairingSession> contenders =
                    IntStream.range(0, 60).mapToObj(i -> aSession().code(code).build()).toList();

            List<Boolean> stored = Race.run(contenders.size(), i -> via(i).createIfCodeFree(contenders.get(i), NOW));

            assertThat(stored).containsOnlyOnce(true);
            assertThat(second.sessions().findOpenByCode(code, NOW)).contains(contenders.get(stored.indexOf(true)));
        }

        @Test
        void letsExactlyOneTakeOverTheCodeOfAnExpiredSession() {
            InviteCode code = randomInviteCode();
            PairingSession expired = aSession().code(code).build();
            assertThat(first.sessions().createIfCodeFree(expired, NOW)).isTrue();
            Instant later = expired.expiresAt();
            List<PairingSession> successors =
                    IntStream.range(0, 60).mapToObj(i -> aSession().code(code).createdAt(later).build()).toList();

            List<Boolean> stored = Race.run(successors.size(), i -> via(i).createIfCodeFree(successors.get(i), later));

            assertThat(stored).containsOnlyOnce(true);
            assertThat(first.sessions().findOpenByCode(code, later)).contains(successors.get(stored.indexOf(true)));
            assertThat(first.sessions().find(expired.id())).contains(expired);
        }
    }

    @Nested
    class WhenManyJoinTheSameSessions {
        @Test
        void fillsExactlyTheFreePlacesAndAnnouncesEachJoinOnce() {
            List<PairingSession> sessions =
                    IntStream.range(0, 20).mapToObj(i -> create(aSession().capacity(5))).toList();
            int perSession = 12;

            List<JoinAttempt> attempts = Race.run(sessions.size() * perSession, i -> via(i)
                    .addMemberIfRoom(sessions.get(i / perSession).id(), aMember(randomKeyId()), NOW, EXTENSION));

            assertThat(attempts).filteredOn(JoinAttempt.Joined.class::isInstance).hasSize(sessions.size() * 4);
            assertThat(attempts).filteredOn(JoinAttempt.Full.class::isInstance).hasSize(sessions.size() * 8);
            sessions.forEach(session -> {
                PairingSession filled = second.sessions().find(session.id()).orElseThrow();
                assertThat(filled.members()).hasSize(5).doesNotHaveDuplicates();
                assertThat(first.sessions().messagesFor(host(filled).keyId(), 0, ROOMY)).hasSize(4);
            });
        }
    }

    @Nested
    class WhenManySendToOneRecipient {
        @Test
        void neverOverfillsItsMailbox() {
            String recipient = randomKeyId();
            List<SessionMessage> signals = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                PairingSession session = create(aSession());
                Member target = join(session, recipient);
                IntStream.range(0, 30).forEach(n -> signals.add(aSignal(session.id(), host(session), target)));
            }
            first.sessions().acknowledge(recipient, Long.MAX_VALUE);

            List<Delivery> deliveries = Race.run(signals.size(), i -> via(i)
                    .deliver(signals.get(i).sessionId(), List.of(signals.get(i)), NOW, EXTENSION, 64));

            assertThat(deliveries).filteredOn(Delivery.Delivered.class::isInstance).hasSize(64);
            assertThat(deliveries).filteredOn(Delivery.MailboxFull.class::isInstance).hasSize(signals.size() - 64);
            assertThat(second.sessions().messagesFor(recipient, 0, ROOMY)).hasSize(64);
        }
    }

    @Nested
    class WhenReadersPollWhileSendersOnBothInstancesDeliver {
        private final String reader = randomKeyId();
        private final String acknowledger = randomKeyId();

        /**
         * Sequences are drawn in one order and committed in another unless the store prevents it; a reader
         * that saw a larger one first would move its cursor past the smaller one and never see it.
         */
        @Test
        void letsEveryReaderSeeEverySequenceOnceAndInOrder() {
            List<Route> routes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                PairingSession session = create(aSession().capacity(4));
                Member sender = join(session, randomKeyId());
                List<Member> readers = List.of(join(session, reader), join(session, acknowledger));
                routes.add(new Route(session.id(), host(session), readers));
                routes.add(new Route(session.id(), sender, readers));
            }
            first.sessions().acknowledge(reader, Long.MAX_VALUE);
            first.sessions().acknowledge(acknowledger, Long.MAX_VALUE);
            AtomicInteger sending = new AtomicInteger(routes.size());

            List<List<SessionMessage>> outcomes = Race.run(3 + routes.size(), i -> switch (i) {
                case 0 -> pollUntilDrained(first.sessions(), reader, false, sending);
                case 1 -> pollUntilDrained(second.sessions(), reader, false, sending);
                case 2 -> pollUntilDrained(second.sessions(), acknowledger, true, sending);
                default -> sendInBatches(via(i), routes.get(i - 3), 40, sending);
            });

            List<SessionMessage> sent = outcomes.subList(3, outcomes.size()).stream().flatMap(List::stream).toList();
            assertThat(sequences(outcomes.get(0))).containsExactlyElementsOf(sequencesTo(reader, sent));
            assertThat(sequences(outcomes.get(1))).containsExactlyElementsOf(sequencesTo(reader, sent));
            assertThat(sequences(outcomes.get(2))).containsExactlyElementsOf(sequencesTo(acknowledger, sent));
            assertThat(first.sessions().messagesFor(acknowledger, 0, ROOMY)).isEmpty();
        }

        private List<SessionMessage> pollUntilDrained(
                SessionStore store, String recipient, boolean acknowledge, AtomicInteger sending) {
            List<SessionMessage> seen = new ArrayList<>();
            long cursor = 0;
            while (true) {
                boolean sendersDone = sending.get() == 0;
                List<SessionMessage> page = store.messagesFor(recipient, cursor, 7);
                seen.addAll(page);
                if (!page.isEmpty()) {
                    cursor = page.get(page.size() - 1).sequence();
                    if (acknowledge) {
                        store.acknowledge(recipient, cursor);
                    }
                } else if (sendersDone) {
                    return seen;
                }
            }
        }

        /** Sends {@code total} signals along {@code route} in batches of one to three, alternating the readers. */
        private List<SessionMessage> sendInBatches(SessionStore store, Route route, int total, AtomicInteger sending) {
            try {
                List<SessionMessage> delivered = new ArrayList<>();
                for (int batch = 1; delivered.size() < total; batch = batch % 3 + 1) {
                    int from = delivered.size();
                    List<SessionMessage> signals = IntStream.range(from, Math.min(from + batch, total))
                            .<SessionMessage>mapToObj(n ->
                                    aSignal(route.session(), route.from(), route.to().get(n % 2)))
                            .toList();
                    Delivery delivery = store.deliver(route.session(), signals, NOW, EXTENSION, ROOMY);
                    delivered.addAll(((Delivery.Delivered) delivery).messages());
                }
                return delivered;
            } finally {
                sending.decrementAndGet();
            }
        }
    }

    @Nested
    class WhenAcknowledgementsLeavesTouchesAndSweepsMeetOnOneMailbox {
        /**
         * Each deletes or locks rows the others want too, on both instances; all of them finish, and what expired
         * is gone with its messages.
         */
        @Test
        void finishesEveryOneOfThemAndLeavesNothingBehind() {
            String key = randomKeyId();
            Instant sweepAt = NOW.plus(Duration.ofMinutes(1));
            List<PairingSession> sessions = new ArrayList<>();
            List<Member> memberships = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                PairingSession session = create(aSession().capacity(3).expiresAt(sweepAt).hardExpiresAt(sweepAt));
                Member member = join(session, key);
                sessions.add(session);
                memberships.add(member);
                List<SessionMessage> signals = IntStream.range(0, 40)
                        .<SessionMessage>mapToObj(n -> aSignal(session.id(), host(session), member)).toList();
                first.sessions().deliver(session.id(), signals, NOW, Duration.ZERO, ROOMY);
            }
            long last = first.sessions().messagesFor(key, 0, ROOMY).stream()
                    .mapToLong(SessionMessage::sequence).max().orElseThrow();

            Race.run(24, i -> switch (i % 4) {
                case 0 -> via(i).acknowledge(key, last - 20L * (24 - i));
                case 1 -> via(i).removeMember(sessions.get(i / 2).id(), memberships.get(i / 2).id(), LeaveReason.LEFT,
                        NOW);
                case 2 -> {
                    via(i).touch(key, NOW.plusSeconds(i), Duration.ZERO);
                    yield null;
                }
                default -> via(i).deleteExpired(sweepAt);
            });

            first.sessions().deleteExpired(sweepAt);
            assertThat(first.sessions().messagesFor(key, 0, ROOMY)).isEmpty();
            sessions.forEach(session -> assertThat(second.sessions().find(session.id())).isEmpty());
        }
    }

    @Nested
    class WhenManyAcknowledgeTheSameMessages {
        @Test
        void countsEachMessageOnce() {
            PairingSession session = create(aSession());
            Member guest = join(session, randomKeyId());
            List<SessionMessage> signals = IntStream.range(0, 300)
                    .<SessionMessage>mapToObj(n -> aSignal(session.id(), host(session), guest)).toList();
            List<SessionMessage> sent = ((Delivery.Delivered) first.sessions()
                    .deliver(session.id(), signals, NOW, EXTENSION, ROOMY)).messages();

            // Each contender acknowledges ever further, in steps of its own, and finally everything.
            List<Integer> deleted = Race.run(16, i -> IntStream.concat(
                            IntStream.iterate(i % 5, n -> n < sent.size(), n -> n + 7), IntStream.of(sent.size() - 1))
                    .map(n -> via(i).acknowledge(guest.keyId(), sent.get(n).sequence())).sum());

            assertThat(deleted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent.size());
            assertThat(second.sessions().messagesFor(guest.keyId(), 0, ROOMY)).isEmpty();
        }
    }

    @Nested
    class WhenManyIncrementOneCounter {
        @Test
        void losesNoCount() {
            String key = "join-failures:" + randomKeyId();
            Instant windowEnd = NOW.plus(Duration.ofMinutes(1));

            List<Long> counts =
                    Race.run(600, i -> instance(i).counters().incrementAndGet(key, windowEnd));

            assertThat(counts).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 600).boxed().toList());
            assertThat(second.counters().get(key, NOW)).isEqualTo(600);
        }
    }

    private PairingSession create(SessionFixtures.Builder session) {
        PairingSession built = session.build();
        assertThat(first.sessions().createIfCodeFree(built, NOW)).isTrue();
        return built;
    }

    private Member join(PairingSession session, String keyId) {
        Member member = aMember(keyId);
        assertThat(second.sessions().addMemberIfRoom(session.id(), member, NOW, EXTENSION))
                .isInstanceOf(JoinAttempt.Joined.class);
        return member;
    }

    private static Member host(PairingSession session) {
        return session.members().get(0);
    }

    private static List<Long> sequences(List<SessionMessage> messages) {
        return messages.stream().map(SessionMessage::sequence).toList();
    }

    private static List<Long> sequencesTo(String recipient, List<SessionMessage> messages) {
        return messages.stream().filter(message -> message.recipientKeyId().equals(recipient))
                .map(SessionMessage::sequence).sorted().toList();
    }

    /** One sender in one session and the two readers it writes to. */
    private record Route(SessionId session, Member from, List<Member> to) {}
}
