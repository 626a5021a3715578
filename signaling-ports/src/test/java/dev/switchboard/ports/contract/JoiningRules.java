package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.TTL;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.randomSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore.JoinAttempt;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Joining: room, one membership per key, the expiry pushed by activity, and {@code peer-joined} for the others. */
abstract class JoiningRules extends SessionStoreRules {
    private final String newcomer = randomKeyId();

    @Test
    void listsTheHostFirstAndTheGuestsInTheOrderTheyJoined() {
        PairingSession session = create(aSession().capacity(4));
        Member first = aMember(randomKeyId());
        Member second = aMember(randomKeyId());

        store.addMemberIfRoom(session.id(), first, NOW, EXTENSION);
        JoinAttempt attempt = store.addMemberIfRoom(session.id(), second, NOW, EXTENSION);

        assertThat(attempt).isInstanceOfSatisfying(JoinAttempt.Joined.class, joined -> {
            assertThat(joined.session().members()).containsExactly(host(session), first, second);
            assertThat(store.find(session.id())).contains(joined.session());
        });
    }

    @Test
    void extendsTheExpiryFromTheMomentOfJoining() {
        PairingSession session = create(aSession().expiresAt(NOW.plus(Duration.ofMinutes(1))));
        Instant later = NOW.plusSeconds(30);

        JoinAttempt attempt = store.addMemberIfRoom(session.id(), aMember(newcomer, later), later, EXTENSION);

        assertThat(attempt).isInstanceOfSatisfying(JoinAttempt.Joined.class, joined ->
                assertThat(joined.session().expiresAt()).isEqualTo(later.plus(EXTENSION)));
        assertThat(current(session).expiresAt()).isEqualTo(later.plus(EXTENSION));
    }

    @Test
    void neverExtendsTheExpiryPastTheHardExpiry() {
        Instant hardExpiry = NOW.plus(Duration.ofMinutes(2));
        PairingSession session =
                create(aSession().expiresAt(NOW.plus(Duration.ofMinutes(1))).hardExpiresAt(hardExpiry));

        join(session, newcomer, NOW.plusSeconds(30));

        assertThat(current(session).expiresAt()).isEqualTo(hardExpiry);
    }

    @Test
    void neverShortensTheExpiry() {
        PairingSession session = create(aSession());

        store.addMemberIfRoom(session.id(), aMember(newcomer), NOW, Duration.ofSeconds(10));

        assertThat(current(session).expiresAt()).isEqualTo(NOW.plus(TTL));
    }

    @Test
    void tellsEveryOtherMemberThatAPeerJoined() {
        PairingSession session = create(aSession().capacity(3));
        Member host = host(session);
        Member first = join(session, randomKeyId());
        Member second = join(session, randomKeyId());

        List<SessionMessage> toHost = allMessagesFor(host.keyId());
        assertThat(unsequenced(toHost))
                .containsExactly(joinedNews(session, host, first), joinedNews(session, host, second));
        assertThat(toHost).extracting(SessionMessage::sequence).allMatch(sequence -> sequence > 0).isSorted();
        assertThat(unsequenced(allMessagesFor(first.keyId()))).containsExactly(joinedNews(session, first, second));
        assertThat(allMessagesFor(second.keyId())).isEmpty();
    }

    @Test
    void returnsTheExistingMembershipWhenItsKeyJoinsAgainAndChangesNothing() {
        PairingSession before = room(1);
        Member guest = guest(before);
        Instant later = NOW.plus(Duration.ofMinutes(2));
        List<SessionMessage> hostNews = allMessagesFor(host(before).keyId());

        JoinAttempt attempt = store.addMemberIfRoom(before.id(), aMember(guest.keyId(), later), later, EXTENSION);

        assertThat(attempt).isEqualTo(new JoinAttempt.AlreadyMember(before, guest));
        assertThat(current(before)).isEqualTo(before);
        assertThat(allMessagesFor(host(before).keyId())).isEqualTo(hostNews);
    }

    @Test
    void returnsTheHostsMembershipWhenTheHostJoins() {
        PairingSession session = create(aSession().capacity(3));

        JoinAttempt attempt = store.addMemberIfRoom(session.id(), aMember(host(session).keyId()), NOW, EXTENSION);

        assertThat(attempt).isEqualTo(new JoinAttempt.AlreadyMember(session, host(session)));
    }

    @Test
    void returnsTheExistingMembershipEvenWhenTheSessionIsFull() {
        PairingSession full = room(1);

        JoinAttempt attempt = store.addMemberIfRoom(full.id(), aMember(guest(full).keyId()), NOW, EXTENSION);

        assertThat(attempt).isEqualTo(new JoinAttempt.AlreadyMember(full, guest(full)));
    }

    @Test
    void refusesANewcomerWhenTheSessionIsFullAndChangesNothing() {
        PairingSession full = quietRoom(2);

        JoinAttempt attempt = store.addMemberIfRoom(full.id(), aMember(newcomer), NOW, EXTENSION);

        assertThat(attempt).isEqualTo(new JoinAttempt.Full());
        assertThat(current(full)).isEqualTo(full);
        full.members().forEach(member -> assertThat(allMessagesFor(member.keyId())).isEmpty());
    }

    @Test
    void isGoneForAnUnknownSession() {
        assertThat(store.addMemberIfRoom(randomSessionId(), aMember(newcomer), NOW, EXTENSION))
                .isEqualTo(new JoinAttempt.Gone());
    }

    @Test
    void isGoneForAClosedSession() {
        PairingSession session = create(aSession());
        store.close(session.id(), NOW, NOW.plus(TTL));

        assertThat(store.addMemberIfRoom(session.id(), aMember(newcomer), NOW, EXTENSION))
                .isEqualTo(new JoinAttempt.Gone());
        assertThat(current(session).members()).containsExactly(host(session));
    }

    @Test
    void isGoneForASessionFromTheMomentItExpires() {
        PairingSession session = create(aSession());
        Instant expiry = session.expiresAt();

        assertThat(store.addMemberIfRoom(session.id(), aMember(newcomer, expiry), expiry, EXTENSION))
                .isEqualTo(new JoinAttempt.Gone());
        assertThat(current(session)).isEqualTo(session);
    }

    @Test
    void letsManyConcurrentNewcomersFillExactlyTheFreePlaces() {
        List<PairingSession> sessions = IntStream.range(0, 40).mapToObj(i -> create(aSession().capacity(4))).toList();

        List<JoinAttempt> attempts = Race.run(sessions.size() * 10, i ->
                store.addMemberIfRoom(sessions.get(i / 10).id(), aMember(randomKeyId()), NOW, EXTENSION));

        assertThat(attempts).filteredOn(JoinAttempt.Joined.class::isInstance).hasSize(sessions.size() * 3);
        assertThat(attempts).filteredOn(JoinAttempt.Full.class::isInstance).hasSize(sessions.size() * 7);
        sessions.forEach(session -> {
            assertThat(current(session).members()).hasSize(4).doesNotHaveDuplicates();
            assertThat(allMessagesFor(host(session).keyId())).hasSize(3);
        });
    }

    @Test
    void letsOneKeyJoinOnlyOnceUnderConcurrency() {
        PairingSession session = create(aSession().capacity(3));

        List<JoinAttempt> attempts =
                Race.run(20, i -> store.addMemberIfRoom(session.id(), aMember(newcomer), NOW, EXTENSION));

        assertThat(attempts).filteredOn(JoinAttempt.Joined.class::isInstance).hasSize(1);
        Member member = current(session).memberWithKey(newcomer).orElseThrow();
        assertThat(attempts).filteredOn(JoinAttempt.AlreadyMember.class::isInstance).hasSize(19)
                .allSatisfy(attempt -> assertThat(((JoinAttempt.AlreadyMember) attempt).member()).isEqualTo(member));
        assertThat(current(session).members()).hasSize(2);
        assertThat(allMessagesFor(host(session).keyId())).hasSize(1);
    }
}
