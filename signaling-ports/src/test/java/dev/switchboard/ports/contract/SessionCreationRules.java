package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.TTL;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.randomInviteCode;
import static dev.switchboard.ports.testing.SessionFixtures.randomSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.testing.Race;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Creating sessions, finding them by id and by invite code, and who holds a code when. */
abstract class SessionCreationRules extends SessionStoreRules {
    private final InviteCode code = randomInviteCode();

    @Test
    void findsANewSessionAsItWasCreated() {
        PairingSession session = create(aSession().capacity(4));

        assertThat(store.find(session.id())).contains(session);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(store.find(randomSessionId())).isEmpty();
    }

    @Test
    void findsAnOpenSessionByItsCode() {
        PairingSession session = create(aSession().code(code));
        create(aSession());

        assertThat(store.findOpenByCode(code, NOW)).contains(session);
    }

    @Test
    void findsNoSessionByAnUnknownCode() {
        create(aSession());

        assertThat(store.findOpenByCode(randomInviteCode(), NOW)).isEmpty();
    }

    @Test
    void refusesANewSessionWhoseCodeAnOpenSessionHolds() {
        PairingSession holder = create(aSession().code(code));
        PairingSession contender = aSession().code(code).build();

        assertThat(store.createIfCodeFree(contender, NOW)).isFalse();

        assertThat(store.find(contender.id())).isEmpty();
        assertThat(store.findOpenByCode(code, NOW)).contains(holder);
    }

    @Test
    void findsNoSessionByTheCodeOnceItExpired() {
        PairingSession session = create(aSession().code(code));
        Instant expiry = NOW.plus(TTL);

        assertThat(store.findOpenByCode(code, expiry.minusMillis(1))).contains(session);
        assertThat(store.findOpenByCode(code, expiry)).isEmpty();
        assertThat(store.find(session.id())).contains(session);
    }

    @Test
    void findsNoSessionByTheCodeOnceItClosed() {
        PairingSession session = create(aSession().code(code));

        store.close(session.id(), NOW, NOW.plus(TTL));

        assertThat(store.findOpenByCode(code, NOW)).isEmpty();
    }

    @Test
    void letsANewSessionTakeTheCodeOfAnExpiredSession() {
        PairingSession expired = create(aSession().code(code));
        Instant later = expired.expiresAt();
        PairingSession successor = aSession().code(code).createdAt(later).build();

        assertThat(store.createIfCodeFree(successor, later)).isTrue();

        assertThat(store.findOpenByCode(code, later)).contains(successor);
        assertThat(store.find(expired.id())).contains(expired);
    }

    @Test
    void letsANewSessionTakeTheCodeOfAClosedSession() {
        PairingSession closed = create(aSession().code(code));
        store.close(closed.id(), NOW, NOW.plus(TTL));
        PairingSession successor = aSession().code(code).build();

        assertThat(store.createIfCodeFree(successor, NOW)).isTrue();

        assertThat(store.findOpenByCode(code, NOW)).contains(successor);
    }

    @Test
    void letsExactlyOneOfManyConcurrentSessionsTakeACode() {
        List<PairingSession> contenders = IntStream.range(0, 50).mapToObj(i -> aSession().code(code).build()).toList();

        List<Boolean> stored = Race.run(contenders.size(), i -> store.createIfCodeFree(contenders.get(i), NOW));

        assertThat(stored).containsOnlyOnce(true).hasSize(contenders.size());
        PairingSession winner = contenders.get(stored.indexOf(true));
        assertThat(store.findOpenByCode(code, NOW)).contains(winner);
        contenders.stream().filter(c -> c != winner).forEach(loser -> assertThat(store.find(loser.id())).isEmpty());
    }
}
