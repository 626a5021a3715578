package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.TTL;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static dev.switchboard.ports.testing.SessionFixtures.randomMemberId;
import static dev.switchboard.ports.testing.SessionFixtures.randomSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore.JoinAttempt;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Leaving: the member and its unread messages of the session go, and the others are told {@code peer-left}. */
abstract class LeavingRules extends SessionStoreRules {
    private static final Instant LATER = NOW.plusSeconds(10);

    @Test
    void removesTheMemberAndReturnsTheSessionWithoutIt() {
        PairingSession session = room(2);

        Optional<PairingSession> after =
                store.removeMember(session.id(), guest(session, 1).id(), LeaveReason.LEFT, LATER);

        assertThat(after).hasValueSatisfying(left ->
                assertThat(left.members()).containsExactly(host(session), guest(session, 2)));
        assertThat(store.find(session.id())).isEqualTo(after);
    }

    @Test
    void tellsTheRemainingMembersThatThePeerLeftAndWhy() {
        PairingSession session = quietRoom(2);
        Member leaver = guest(session, 1);
        Member stayer = guest(session, 2);

        store.removeMember(session.id(), leaver.id(), LeaveReason.TIMED_OUT, LATER);

        assertThat(unsequenced(allMessagesFor(host(session).keyId())))
                .containsExactly(leftNews(session, host(session), leaver, LeaveReason.TIMED_OUT, LATER));
        assertThat(unsequenced(allMessagesFor(stayer.keyId())))
                .containsExactly(leftNews(session, stayer, leaver, LeaveReason.TIMED_OUT, LATER));
        assertThat(allMessagesFor(leaver.keyId())).isEmpty();
    }

    @Test
    void deletesTheLeaversUnreadMessagesOfThatSessionOnly() {
        String leaverKey = randomKeyId();
        PairingSession left = create(aSession());
        PairingSession stayed = create(aSession());
        Member leaver = join(left, leaverKey);
        Member stayer = join(stayed, leaverKey);
        send(aSignal(left.id(), host(left), leaver));
        List<SessionMessage> kept = send(aSignal(stayed.id(), host(stayed), stayer));
        List<SessionMessage> fromLeaver = send(aSignal(left.id(), leaver, host(left)));

        store.removeMember(left.id(), leaver.id(), LeaveReason.LEFT, LATER);

        assertThat(allMessagesFor(leaverKey)).containsExactlyElementsOf(kept);
        assertThat(allMessagesFor(host(left).keyId())).containsAll(fromLeaver);
    }

    @Test
    void freesThePlaceForANewcomer() {
        PairingSession full = room(1);
        store.removeMember(full.id(), guest(full).id(), LeaveReason.LEFT, LATER);

        assertThat(store.addMemberIfRoom(full.id(), aMember(randomKeyId()), LATER, EXTENSION))
                .isInstanceOf(JoinAttempt.Joined.class);
    }

    @Test
    void letsTheKeyJoinAgainAsANewMember() {
        PairingSession session = room(1);
        Member leaver = guest(session);
        store.removeMember(session.id(), leaver.id(), LeaveReason.LEFT, LATER);

        Member returning = aMember(leaver.keyId(), LATER);

        assertThat(store.addMemberIfRoom(session.id(), returning, LATER, EXTENSION))
                .isInstanceOf(JoinAttempt.Joined.class);
        assertThat(current(session).members()).containsExactly(host(session), returning);
    }

    @Test
    void removesNoOneWhoIsNotInTheSession() {
        PairingSession session = quietRoom(1);

        assertThat(store.removeMember(session.id(), randomMemberId(), LeaveReason.LEFT, LATER)).isEmpty();

        assertThat(current(session)).isEqualTo(session);
        session.members().forEach(member -> assertThat(allMessagesFor(member.keyId())).isEmpty());
    }

    @Test
    void removesAMemberOnlyOnce() {
        PairingSession session = quietRoom(1);
        store.removeMember(session.id(), guest(session).id(), LeaveReason.LEFT, LATER);

        assertThat(store.removeMember(session.id(), guest(session).id(), LeaveReason.LEFT, LATER)).isEmpty();

        assertThat(allMessagesFor(host(session).keyId())).hasSize(1);
    }

    @Test
    void removesNoOneFromAnUnknownSession() {
        assertThat(store.removeMember(randomSessionId(), randomMemberId(), LeaveReason.LEFT, NOW)).isEmpty();
    }

    @Test
    void removesNoOneFromAClosedSession() {
        PairingSession session = room(1);
        PairingSession closed = store.close(session.id(), NOW, NOW.plus(TTL)).orElseThrow();

        assertThat(store.removeMember(session.id(), guest(session).id(), LeaveReason.LEFT, LATER)).isEmpty();

        assertThat(current(session)).isEqualTo(closed);
    }

    @Test
    void removesNoOneFromAnExpiredSession() {
        PairingSession session = room(1);
        Instant expiry = session.expiresAt();

        assertThat(store.removeMember(session.id(), guest(session).id(), LeaveReason.TIMED_OUT, expiry)).isEmpty();

        assertThat(current(session)).isEqualTo(session);
    }
}
