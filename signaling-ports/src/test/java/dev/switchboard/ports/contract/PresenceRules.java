package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.TTL;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore.SilentMember;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Signs of life: {@code touch}, finding members not seen for a while, and counting hosted sessions. */
abstract class PresenceRules extends SessionStoreRules {
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(2));

    private final String key = randomKeyId();

    @Test
    void marksEveryMembershipOfTheKeySeenAndNoOtherMember() {
        PairingSession hosted = create(aSession().hostedBy(key));
        PairingSession joined = create(aSession());
        join(hosted, randomKeyId());
        join(joined, key);

        store.touch(key, LATER, EXTENSION);

        assertThat(current(hosted).memberWithKey(key).orElseThrow().lastSeenAt()).isEqualTo(LATER);
        assertThat(current(joined).memberWithKey(key).orElseThrow().lastSeenAt()).isEqualTo(LATER);
        Stream.of(current(hosted).members().get(1), host(current(joined)))
                .forEach(other -> assertThat(other.lastSeenAt()).isEqualTo(NOW));
    }

    @Test
    void extendsEveryOpenSessionOfTheKeyFromNow() {
        PairingSession hosted = create(aSession().hostedBy(key));
        PairingSession joined = create(aSession());
        join(joined, key);
        PairingSession elsewhere = create(aSession());

        store.touch(key, LATER, EXTENSION);

        assertThat(current(hosted).expiresAt()).isEqualTo(LATER.plus(EXTENSION));
        assertThat(current(joined).expiresAt()).isEqualTo(LATER.plus(EXTENSION));
        assertThat(current(elsewhere)).isEqualTo(elsewhere);
    }

    @Test
    void leavesTheSessionsTheKeyLeftAlone() {
        PairingSession session = create(aSession().capacity(3));
        Member leaver = join(session, key);
        PairingSession left = store.removeMember(session.id(), leaver.id(), LeaveReason.LEFT, NOW).orElseThrow();

        store.touch(key, LATER, EXTENSION);

        assertThat(current(session)).isEqualTo(left);
    }

    @Test
    void neverExtendsASessionPastItsHardExpiry() {
        Instant hardExpiry = LATER.plusSeconds(10);
        PairingSession session =
                create(aSession().hostedBy(key).expiresAt(LATER.plusSeconds(5)).hardExpiresAt(hardExpiry));

        store.touch(key, LATER, EXTENSION);

        assertThat(current(session).expiresAt()).isEqualTo(hardExpiry);
    }

    @Test
    void neverExtendsAClosedSession() {
        PairingSession session = create(aSession().hostedBy(key));
        PairingSession closed = store.close(session.id(), NOW, NOW.plus(Duration.ofMinutes(1))).orElseThrow();

        store.touch(key, NOW.plusSeconds(30), EXTENSION);

        assertThat(current(session).expiresAt()).isEqualTo(closed.expiresAt());
        assertThat(current(session).isClosed()).isTrue();
    }

    @Test
    void neverRevivesAnExpiredSession() {
        PairingSession session = create(aSession().hostedBy(key));
        Instant expiry = session.expiresAt();

        store.touch(key, expiry, EXTENSION);

        assertThat(current(session).expiresAt()).isEqualTo(expiry);
        assertThat(current(session).isOpenAt(expiry)).isFalse();
    }

    @Test
    void neverMovesTheLastSightingBack() {
        PairingSession session = create(aSession().hostedBy(key));
        store.touch(key, LATER, EXTENSION);

        store.touch(key, NOW.plusSeconds(1), EXTENSION);

        assertThat(host(current(session)).lastSeenAt()).isEqualTo(LATER);
    }

    @Test
    void findsTheMembersOfOpenSessionsNotSeenSinceTheCutoff() {
        PairingSession session = room(2);
        store.touch(guest(session, 1).keyId(), NOW.plusSeconds(20), EXTENSION);

        List<SilentMember> silent = store.silentMembers(NOW.plusSeconds(10), NOW.plusSeconds(30), ROOMY);

        assertThat(silent)
                .containsExactlyInAnyOrder(silent(session, host(session)), silent(session, guest(session, 2)));
    }

    @Test
    void countsOnlyMembersSeenStrictlyBeforeTheCutoff() {
        PairingSession session = create(aSession());

        assertThat(store.silentMembers(NOW, NOW, ROOMY)).isEmpty();
        assertThat(store.silentMembers(NOW.plusMillis(1), NOW, ROOMY)).containsExactly(silent(session, host(session)));
    }

    @Test
    void ignoresClosedAndExpiredSessions() {
        PairingSession closed = room(1);
        store.close(closed.id(), NOW, NOW.plus(TTL));
        create(aSession().expiresAt(NOW.plusSeconds(20)));
        PairingSession open = create(aSession());

        assertThat(store.silentMembers(NOW.plusSeconds(10), NOW.plusSeconds(30), ROOMY))
                .containsExactly(silent(open, host(open)));
    }

    @Test
    void findsAtMostTheLimitOfSilentMembers() {
        room(2);
        room(2);

        List<SilentMember> silent = store.silentMembers(NOW.plusSeconds(10), NOW.plusSeconds(10), 4);

        assertThat(silent).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void countsTheOpenSessionsTheKeyHosts() {
        create(aSession().hostedBy(key));
        create(aSession().hostedBy(key));
        PairingSession closed = create(aSession().hostedBy(key));
        store.close(closed.id(), NOW, NOW.plus(TTL));
        create(aSession().hostedBy(key).expiresAt(NOW.plusSeconds(30)));
        join(create(aSession()), key);
        Instant later = NOW.plus(Duration.ofMinutes(1));

        assertThat(store.countOpenSessionsHostedBy(key, later)).isEqualTo(2);
        assertThat(store.countOpenSessionsHostedBy(key, NOW)).isEqualTo(3);
        assertThat(store.countOpenSessionsHostedBy(randomKeyId(), NOW)).isZero();
    }

    private static SilentMember silent(PairingSession session, Member member) {
        return new SilentMember(session.id(), member.id(), member.keyId(), member.lastSeenAt());
    }
}
