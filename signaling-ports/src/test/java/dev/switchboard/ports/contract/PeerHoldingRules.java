package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aConnection;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static dev.switchboard.ports.testing.PeerFixtures.randomToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.PeerStore.Claim;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Holding a claimed id: who holds it, keeping it live by touching it, releasing it and forgetting stale holders. */
abstract class PeerHoldingRules extends PeerStoreRules {
    private static final Instant LATER = NOW.plusSeconds(90);

    private final PeerAddress peer = randomAddress();
    private final String token = randomToken();

    @Test
    void hasNoHolderForAnIdNeverClaimed() {
        assertThat(store.holder(peer)).isEmpty();
    }

    @Test
    void stillNamesAStaleHolder() {
        PeerConnection stale = claim(aConnection(peer, token, STALE));

        assertThat(store.holder(peer)).contains(stale);
    }

    @Test
    void touchesTheHolderAndMovesItsLastSighting() {
        PeerConnection holder = claim(aConnection(peer, token, NOW));

        assertThat(store.touch(peer, holder.connectionId(), LATER)).isTrue();

        assertThat(store.holder(peer).orElseThrow().lastSeenAt()).isEqualTo(LATER);
    }

    @Test
    void keepsATouchedHolderLiveAfterItsFirstSightingGrewOld() {
        PeerConnection holder = claim(aConnection(peer, token, NOW));
        store.touch(peer, holder.connectionId(), LATER);

        assertThat(store.claim(aConnection(peer, randomToken(), LATER), LATER, NO_LIMIT))
                .isEqualTo(new Claim.IdTaken());
        assertThat(store.liveIds(peer.key(), LATER, 10)).containsExactly(peer.id().value());
    }

    @Test
    void revivesAStaleHolderThatIsTouchedBeforeAnyoneReplacedIt() {
        PeerConnection holder = claim(aConnection(peer, token, STALE));

        assertThat(store.touch(peer, holder.connectionId(), NOW)).isTrue();
        assertThat(store.claim(aConnection(peer, randomToken(), NOW), SEEN_AFTER, NO_LIMIT))
                .isEqualTo(new Claim.IdTaken());
    }

    @Test
    void refusesToTouchASupersededConnection() {
        PeerConnection old = claim(aConnection(peer, token, NOW));
        PeerConnection reconnect = aConnection(peer, token, NOW);
        store.claim(reconnect, SEEN_AFTER, NO_LIMIT);

        assertThat(store.touch(peer, old.connectionId(), LATER)).isFalse();
        assertThat(store.holder(peer)).contains(reconnect);
    }

    @Test
    void refusesToTouchAReleasedConnection() {
        PeerConnection holder = claim(aConnection(peer, token, NOW));
        store.release(peer, holder.connectionId());

        assertThat(store.touch(peer, holder.connectionId(), LATER)).isFalse();
        assertThat(store.holder(peer)).isEmpty();
    }

    @Test
    void refusesToTouchAnIdNeverClaimed() {
        assertThat(store.touch(peer, "conn-unknown", NOW)).isFalse();
        assertThat(store.holder(peer)).isEmpty();
    }

    @Test
    void releasesTheIdForItsHolderOnce() {
        PeerConnection holder = claim(aConnection(peer, token, NOW));

        assertThat(store.release(peer, holder.connectionId())).isTrue();
        assertThat(store.holder(peer)).isEmpty();
        assertThat(store.release(peer, holder.connectionId())).isFalse();
    }

    @Test
    void refusesToReleaseForAConnectionThatDoesNotHoldTheId() {
        PeerConnection holder = claim(aConnection(peer, token, NOW));

        assertThat(store.release(peer, "conn-someone-else")).isFalse();
        assertThat(store.holder(peer)).contains(holder);
    }

    @Test
    void refusesToReleaseForASupersededConnection() {
        PeerConnection old = claim(aConnection(peer, token, NOW));
        PeerConnection reconnect = aConnection(peer, token, NOW);
        store.claim(reconnect, SEEN_AFTER, NO_LIMIT);

        assertThat(store.release(peer, old.connectionId())).isFalse();
        assertThat(store.holder(peer)).contains(reconnect);
    }

    @Test
    void freesAReleasedIdForAnotherToken() {
        PeerConnection holder = claim(aConnection(peer, token, NOW));
        store.release(peer, holder.connectionId());

        assertThat(store.claim(aConnection(peer, randomToken(), NOW), SEEN_AFTER, NO_LIMIT)).isEqualTo(CLAIMED_FREE);
    }

    @Test
    void forgetsConnectionsLastSeenBeforeTheCutoffAndCountsThem() {
        PeerConnection stale = claim(aConnection(randomAddress(), token, STALE));
        PeerConnection atCutoff = claim(aConnection(randomAddress(), token, SEEN_AFTER));
        PeerConnection fresh = claim(aConnection(peer, token, NOW));

        assertThat(store.deleteStale(SEEN_AFTER)).isEqualTo(1);

        assertThat(store.holder(stale.peer())).isEmpty();
        assertThat(store.holder(atCutoff.peer())).contains(atCutoff);
        assertThat(store.holder(fresh.peer())).contains(fresh);
        assertThat(store.deleteStale(SEEN_AFTER)).isZero();
    }

    @Test
    void keepsATouchedConnectionWhenForgettingStaleOnes() {
        PeerConnection holder = claim(aConnection(peer, token, STALE));
        store.touch(peer, holder.connectionId(), NOW);

        assertThat(store.deleteStale(SEEN_AFTER)).isZero();
        assertThat(store.holder(peer)).isPresent();
    }
}
