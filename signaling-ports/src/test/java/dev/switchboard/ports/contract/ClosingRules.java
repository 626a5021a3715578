package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static dev.switchboard.ports.testing.SessionFixtures.randomSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.driven.SessionStore.JoinAttempt;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Closing: everyone is told {@code session-closed}, nothing more gets in, and the session stays readable a while. */
abstract class ClosingRules extends SessionStoreRules {
    private static final Instant CLOSED_AT = NOW.plusSeconds(10);
    private static final Instant RETAIN_UNTIL = CLOSED_AT.plus(Duration.ofMinutes(1));

    @Test
    void closesTheSessionAndKeepsItReadableUntilTheRetentionEnds() {
        PairingSession session = room(1);

        Optional<PairingSession> closed = store.close(session.id(), CLOSED_AT, RETAIN_UNTIL);

        assertThat(closed).hasValueSatisfying(it -> {
            assertThat(it.closedAt()).contains(CLOSED_AT);
            assertThat(it.expiresAt()).isEqualTo(RETAIN_UNTIL);
            assertThat(it.members()).isEqualTo(session.members());
            assertThat(it.isOpenAt(CLOSED_AT)).isFalse();
        });
        assertThat(store.find(session.id())).isEqualTo(closed);
    }

    @Test
    void neverKeepsAClosedSessionPastItsHardExpiry() {
        Instant hardExpiry = CLOSED_AT.plusSeconds(20);
        PairingSession session = create(aSession().expiresAt(hardExpiry).hardExpiresAt(hardExpiry));

        assertThat(store.close(session.id(), CLOSED_AT, RETAIN_UNTIL))
                .hasValueSatisfying(closed -> assertThat(closed.expiresAt()).isEqualTo(hardExpiry));
    }

    @Test
    void tellsEveryMemberThatTheSessionClosed() {
        PairingSession session = quietRoom(2);

        store.close(session.id(), CLOSED_AT, RETAIN_UNTIL);

        session.members().forEach(member -> assertThat(unsequenced(allMessagesFor(member.keyId())))
                .containsExactly(closedNews(session, member, CLOSED_AT)));
    }

    @Test
    void keepsTheUnreadMessagesReadable() {
        PairingSession session = quietRoom(1);
        List<SessionMessage> unread = send(aSignal(session.id(), host(session), guest(session)));

        store.close(session.id(), CLOSED_AT, RETAIN_UNTIL);

        assertThat(allMessagesFor(guest(session).keyId())).startsWith(unread.toArray(SessionMessage[]::new));
    }

    @Test
    void letsNoOneJoinAndDeliversNothingAfterClosing() {
        PairingSession session = create(aSession().capacity(3));
        Member guest = join(session, randomKeyId());
        store.close(session.id(), CLOSED_AT, RETAIN_UNTIL);
        store.acknowledge(guest.keyId(), Long.MAX_VALUE);

        assertThat(store.addMemberIfRoom(session.id(), aMember(randomKeyId(), CLOSED_AT), CLOSED_AT, EXTENSION))
                .isEqualTo(new JoinAttempt.Gone());
        assertThat(store.deliver(session.id(), List.of(aSignal(session.id(), host(session), guest)),
                CLOSED_AT, EXTENSION, ROOMY)).isEqualTo(new Delivery.Gone());
        assertThat(allMessagesFor(guest.keyId())).isEmpty();
    }

    @Test
    void closesASessionOnlyOnce() {
        PairingSession session = quietRoom(1);
        PairingSession closed = store.close(session.id(), CLOSED_AT, RETAIN_UNTIL).orElseThrow();

        assertThat(store.close(session.id(), CLOSED_AT.plusSeconds(1), RETAIN_UNTIL.plusSeconds(1))).isEmpty();

        assertThat(current(session)).isEqualTo(closed);
        session.members().forEach(member -> assertThat(allMessagesFor(member.keyId())).hasSize(1));
    }

    @Test
    void closesNoUnknownSession() {
        assertThat(store.close(randomSessionId(), CLOSED_AT, RETAIN_UNTIL)).isEmpty();
    }

    @Test
    void closesNoExpiredSession() {
        PairingSession session = quietRoom(1);
        Instant expiry = session.expiresAt();

        assertThat(store.close(session.id(), expiry, expiry.plus(Duration.ofMinutes(1)))).isEmpty();

        assertThat(current(session)).isEqualTo(session);
        assertThat(allMessagesFor(host(session).keyId())).isEmpty();
    }

    @Test
    void isSweptWithItsMessagesOnceTheRetentionEnds() {
        PairingSession session = room(1);
        store.close(session.id(), CLOSED_AT, RETAIN_UNTIL);

        assertThat(store.deleteExpired(RETAIN_UNTIL.minusMillis(1))).isZero();
        assertThat(store.deleteExpired(RETAIN_UNTIL)).isEqualTo(1);

        assertThat(store.find(session.id())).isEmpty();
        session.members().forEach(member -> assertThat(allMessagesFor(member.keyId())).isEmpty());
    }
}
