package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore.SilentMember;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweeping expired sessions, open or closed, with their members and mailboxes. */
abstract class SessionSweepRules extends SessionStoreRules {
    private static final Instant SWEEP_AT = NOW.plus(Duration.ofMinutes(1));

    @Test
    void sweepsExactlyTheSessionsExpiredAtNowOpenOrClosedAndCountsThem() {
        PairingSession expiresAtSweep = create(aSession().expiresAt(SWEEP_AT));
        PairingSession outlivesSweep = create(aSession().expiresAt(SWEEP_AT.plusMillis(1)));
        PairingSession retainedUntilSweep = create(aSession());
        store.close(retainedUntilSweep.id(), NOW, SWEEP_AT);
        PairingSession retainedPastSweep = create(aSession());
        store.close(retainedPastSweep.id(), NOW, SWEEP_AT.plusMillis(1));

        assertThat(store.deleteExpired(SWEEP_AT)).isEqualTo(2);

        assertThat(store.find(expiresAtSweep.id())).isEmpty();
        assertThat(store.find(retainedUntilSweep.id())).isEmpty();
        assertThat(store.find(outlivesSweep.id())).contains(outlivesSweep);
        assertThat(store.find(retainedPastSweep.id())).isPresent();
    }

    @Test
    void deletesTheMailboxMessagesOfASweptSessionOnly() {
        String key = randomKeyId();
        PairingSession swept = create(aSession().expiresAt(SWEEP_AT).hardExpiresAt(SWEEP_AT));
        PairingSession kept = create(aSession());
        Member inSwept = join(swept, key);
        Member inKept = join(kept, key);
        send(aSignal(swept.id(), host(swept), inSwept), aSignal(swept.id(), host(swept), inSwept));
        send(aSignal(swept.id(), inSwept, host(swept)));
        List<SessionMessage> survivors = send(aSignal(kept.id(), host(kept), inKept));

        store.deleteExpired(SWEEP_AT);

        assertThat(allMessagesFor(key)).isEqualTo(survivors);
        assertThat(allMessagesFor(host(swept).keyId())).isEmpty();
    }

    @Test
    void forgetsTheMembershipsOfASweptSession() {
        String key = randomKeyId();
        PairingSession swept = create(aSession().hostedBy(key).expiresAt(SWEEP_AT));
        PairingSession kept = create(aSession().hostedBy(key));

        store.deleteExpired(SWEEP_AT);
        store.touch(key, SWEEP_AT, EXTENSION);

        assertThat(store.find(swept.id())).isEmpty();
        assertThat(current(kept).expiresAt()).isEqualTo(SWEEP_AT.plus(EXTENSION));
        assertThat(store.countOpenSessionsHostedBy(key, NOW)).isEqualTo(1);
        assertThat(store.silentMembers(SWEEP_AT.plusMillis(1), NOW, ROOMY)).extracting(SilentMember::sessionId)
                .containsExactly(kept.id());
    }

    @Test
    void freesTheCodeOfASweptSession() {
        PairingSession swept = create(aSession().expiresAt(SWEEP_AT));
        store.deleteExpired(SWEEP_AT);

        assertThat(store.findOpenByCode(swept.code(), NOW)).isEmpty();
        assertThat(store.createIfCodeFree(aSession().code(swept.code()).createdAt(SWEEP_AT).build(), SWEEP_AT))
                .isTrue();
    }

    @Test
    void sweepsNothingWhenNothingExpired() {
        room(1);

        assertThat(store.deleteExpired(NOW)).isZero();
    }

    @Test
    void sweepsEachSessionOnlyOnce() {
        create(aSession().expiresAt(SWEEP_AT));
        store.deleteExpired(SWEEP_AT);

        assertThat(store.deleteExpired(SWEEP_AT)).isZero();
    }
}
