package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static dev.switchboard.ports.testing.SessionFixtures.randomSessionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Delivering: all or none, in order, within every recipient's mailbox bound, only into open sessions. */
abstract class DeliveryRules extends SessionStoreRules {

    @Test
    void storesMessagesInTheOrderGivenWithIncreasingSequences() {
        PairingSession session = quietRoom(1);
        List<SessionMessage> sent = List.of(signal(session), signal(session), signal(session));

        Delivery delivery = store.deliver(session.id(), sent, NOW, EXTENSION, ROOMY);

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Delivered.class, delivered -> {
            assertThat(unsequenced(delivered.messages())).isEqualTo(sent);
            assertThat(delivered.messages()).extracting(SessionMessage::sequence)
                    .allMatch(sequence -> sequence > 0).isSorted().doesNotHaveDuplicates();
            assertThat(allMessagesFor(guest(session).keyId())).isEqualTo(delivered.messages());
        });
    }

    @Test
    void givesLaterDeliveriesLargerSequencesAcrossSessions() {
        PairingSession first = quietRoom(1);
        PairingSession second = quietRoom(1);

        long a = send(signal(first)).get(0).sequence();
        long b = send(signal(second)).get(0).sequence();
        long c = send(aSignal(first.id(), guest(first), host(first))).get(0).sequence();

        assertThat(List.of(a, b, c)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givesEachRecipientItsOwnMessages() {
        PairingSession session = quietRoom(2);

        List<SessionMessage> sent = send(
                aSignal(session.id(), host(session), guest(session, 1)),
                aSignal(session.id(), host(session), guest(session, 2)));

        assertThat(allMessagesFor(guest(session, 1).keyId())).containsExactly(sent.get(0));
        assertThat(allMessagesFor(guest(session, 2).keyId())).containsExactly(sent.get(1));
        assertThat(allMessagesFor(host(session).keyId())).isEmpty();
    }

    @Test
    void extendsTheSessionsExpiryFromTheMomentOfDelivery() {
        PairingSession session = quietRoom(1);
        Instant later = NOW.plus(Duration.ofMinutes(2));

        store.deliver(session.id(), List.of(signal(session)), later, EXTENSION, ROOMY);

        assertThat(current(session).expiresAt()).isEqualTo(later.plus(EXTENSION));
    }

    @Test
    void neverExtendsTheExpiryPastTheHardExpiry() {
        Instant hardExpiry = NOW.plus(Duration.ofMinutes(6));
        PairingSession session = create(aSession().hardExpiresAt(hardExpiry));
        Member guest = join(session, randomKeyId());
        Instant later = NOW.plus(Duration.ofMinutes(2));

        store.deliver(session.id(), List.of(aSignal(session.id(), host(session), guest)), later, EXTENSION, ROOMY);

        assertThat(current(session).expiresAt()).isEqualTo(hardExpiry);
    }

    @Test
    void fillsAMailboxUpToItsBoundExactly() {
        PairingSession session = quietRoom(1);
        store.deliver(session.id(), List.of(signal(session), signal(session)), NOW, EXTENSION, 3);

        assertThat(store.deliver(session.id(), List.of(signal(session)), NOW, EXTENSION, 3))
                .isInstanceOf(Delivery.Delivered.class);
        assertThat(store.deliver(session.id(), List.of(signal(session)), NOW, EXTENSION, 3))
                .isEqualTo(new Delivery.MailboxFull(guest(session).keyId()));
        assertThat(allMessagesFor(guest(session).keyId())).hasSize(3);
    }

    @Test
    void storesNoneWhenOneRecipientsMailboxWouldOverflow() {
        PairingSession session = quietRoom(2);
        Member roomy = guest(session, 1);
        Member crowded = guest(session, 2);
        send(aSignal(session.id(), host(session), crowded), aSignal(session.id(), host(session), crowded));
        Instant later = NOW.plus(Duration.ofMinutes(2));

        Delivery delivery = store.deliver(session.id(), List.of(
                aSignal(session.id(), host(session), roomy), aSignal(session.id(), host(session), crowded)),
                later, EXTENSION, 2);

        assertThat(delivery).isEqualTo(new Delivery.MailboxFull(crowded.keyId()));
        assertThat(allMessagesFor(roomy.keyId())).isEmpty();
        assertThat(allMessagesFor(crowded.keyId())).hasSize(2);
        assertThat(current(session).expiresAt()).isEqualTo(session.expiresAt());
    }

    @Test
    void countsMembershipNewsTowardsTheBound() {
        PairingSession session = room(1);

        assertThat(store.deliver(session.id(), List.of(aSignal(session.id(), guest(session), host(session))),
                NOW, EXTENSION, 1)).isEqualTo(new Delivery.MailboxFull(host(session).keyId()));
    }

    @Test
    void countsTheMessagesOfEverySessionOfTheRecipientTowardsTheBound() {
        String recipient = randomKeyId();
        PairingSession first = create(aSession());
        PairingSession second = create(aSession());
        Member inFirst = join(first, recipient);
        Member inSecond = join(second, recipient);
        send(aSignal(first.id(), host(first), inFirst));

        assertThat(store.deliver(second.id(), List.of(aSignal(second.id(), host(second), inSecond)),
                NOW, EXTENSION, 1)).isEqualTo(new Delivery.MailboxFull(recipient));
    }

    @Test
    void makesRoomAsMessagesAreAcknowledged() {
        PairingSession session = quietRoom(1);
        List<SessionMessage> sent = send(signal(session), signal(session));

        store.acknowledge(guest(session).keyId(), sent.get(0).sequence());

        assertThat(store.deliver(session.id(), List.of(signal(session)), NOW, EXTENSION, 2))
                .isInstanceOf(Delivery.Delivered.class);
    }

    @Test
    void neverLetsConcurrentSendersOverfillAMailbox() {
        String recipient = randomKeyId();
        List<List<SessionMessage>> senders = IntStream.range(0, 4).boxed().flatMap(i -> {
            PairingSession session = create(aSession().capacity(3));
            Member second = join(session, randomKeyId());
            Member target = join(session, recipient);
            return List.of(signalsTo(session, host(session), target), signalsTo(session, second, target)).stream();
        }).toList();

        List<Long> delivered = Race.run(senders.size(), i -> senders.get(i).stream()
                .map(signal -> store.deliver(signal.sessionId(), List.of(signal), NOW, EXTENSION, 50))
                .filter(Delivery.Delivered.class::isInstance).count());

        assertThat(delivered.stream().mapToLong(Long::longValue).sum()).isEqualTo(50);
        assertThat(allMessagesFor(recipient)).hasSize(50);
    }

    @Test
    void isGoneForAnUnknownSession() {
        Member recipient = aMember(randomKeyId());
        SessionMessage astray = aSignal(randomSessionId(), aMember(randomKeyId()), recipient);

        assertThat(store.deliver(astray.sessionId(), List.of(astray), NOW, EXTENSION, ROOMY))
                .isEqualTo(new Delivery.Gone());
        assertThat(allMessagesFor(recipient.keyId())).isEmpty();
    }

    @Test
    void isGoneForASessionFromTheMomentItExpires() {
        PairingSession session = quietRoom(1);

        assertThat(store.deliver(session.id(), List.of(signal(session)), session.expiresAt(), EXTENSION, ROOMY))
                .isEqualTo(new Delivery.Gone());
        assertThat(allMessagesFor(guest(session).keyId())).isEmpty();
        assertThat(current(session)).isEqualTo(session);
    }

    @Test
    void storesNoneWhenARecipientIsNotAMember() {
        PairingSession session = quietRoom(1);
        Member outsider = aMember(randomKeyId());

        assertThatThrownBy(() -> store.deliver(session.id(), List.of(
                signal(session), aSignal(session.id(), host(session), outsider)), NOW, EXTENSION, ROOMY))
                .isInstanceOfSatisfying(SignalingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.RECIPIENT_NOT_A_MEMBER));
        assertThat(allMessagesFor(guest(session).keyId())).isEmpty();
        assertThat(allMessagesFor(outsider.keyId())).isEmpty();
    }

    @Test
    void storesNoSignalFromSomeoneWhoIsNoLongerAMember() {
        PairingSession session = quietRoom(2);
        Member leaver = guest(session, 1);
        store.removeMember(session.id(), leaver.id(), LeaveReason.LEFT, NOW);
        store.acknowledge(host(session).keyId(), Long.MAX_VALUE);

        assertThatThrownBy(() -> store.deliver(session.id(),
                List.of(aSignal(session.id(), leaver, host(session))), NOW, EXTENSION, ROOMY))
                .isInstanceOfSatisfying(SignalingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.NOT_A_MEMBER));
        assertThat(allMessagesFor(host(session).keyId())).isEmpty();
    }

    /** A signal from the host to the first guest. */
    private static SessionMessage signal(PairingSession session) {
        return aSignal(session.id(), host(session), guest(session));
    }

    private static List<SessionMessage> signalsTo(PairingSession session, Member from, Member to) {
        return IntStream.range(0, 25).<SessionMessage>mapToObj(i -> aSignal(session.id(), from, to)).toList();
    }
}
