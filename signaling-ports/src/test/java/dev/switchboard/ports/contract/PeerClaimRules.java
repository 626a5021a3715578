package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aConnection;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static dev.switchboard.ports.testing.PeerFixtures.randomKey;
import static dev.switchboard.ports.testing.PeerFixtures.randomToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.PeerStore.Claim;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.testing.Race;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Claiming a peer id: free ids, tokens, reconnects that supersede, stale holders and the realm limit. */
abstract class PeerClaimRules extends PeerStoreRules {
    private final String key = randomKey();
    private final PeerAddress peer = randomAddress(key);
    private final String token = randomToken();

    @Test
    void givesAFreeIdToItsFirstClaimant() {
        PeerConnection connection = aConnection(peer);

        assertThat(store.claim(connection, SEEN_AFTER, NO_LIMIT)).isEqualTo(CLAIMED_FREE);
        assertThat(store.holder(peer)).contains(connection);
    }

    @Test
    void refusesAnIdHeldByALiveConnectionWithAnotherToken() {
        PeerConnection holder = claim(aConnection(peer, token, NOW));

        assertThat(store.claim(aConnection(peer, randomToken(), NOW), SEEN_AFTER, NO_LIMIT))
                .isEqualTo(new Claim.IdTaken());
        assertThat(store.holder(peer)).contains(holder);
    }

    @Test
    void treatsAHolderLastSeenExactlyAtSeenAfterAsLive() {
        claim(aConnection(peer, token, SEEN_AFTER));

        assertThat(store.claim(aConnection(peer, randomToken(), NOW), SEEN_AFTER, NO_LIMIT))
                .isEqualTo(new Claim.IdTaken());
    }

    @Test
    void supersedesALiveHolderThatPresentsTheSameToken() {
        PeerConnection old = claim(aConnection(peer, token, NOW));
        PeerConnection reconnect = aConnection(peer, token, NOW.plusMillis(1));

        assertThat(store.claim(reconnect, SEEN_AFTER, NO_LIMIT)).isEqualTo(new Claim.Claimed(Optional.of(old)));
        assertThat(store.holder(peer)).contains(reconnect);
    }

    @Test
    void reportsTheSupersededConnectionAsLastSeen() {
        PeerConnection old = claim(aConnection(peer, token, NOW));
        store.touch(peer, old.connectionId(), NOW.plusSeconds(5));

        Claim claim = store.claim(aConnection(peer, token, NOW.plusSeconds(6)), SEEN_AFTER, NO_LIMIT);

        assertThat(claim).isInstanceOf(Claim.Claimed.class);
        PeerConnection superseded = ((Claim.Claimed) claim).superseded().orElseThrow();
        assertThat(superseded.connectionId()).isEqualTo(old.connectionId());
        assertThat(superseded.lastSeenAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void replacesAStaleHolderWithAnotherTokenSilently() {
        claim(aConnection(peer, token, STALE));
        PeerConnection newcomer = aConnection(peer, randomToken(), NOW);

        assertThat(store.claim(newcomer, SEEN_AFTER, NO_LIMIT)).isEqualTo(CLAIMED_FREE);
        assertThat(store.holder(peer)).contains(newcomer);
    }

    @Test
    void replacesAStaleHolderWithTheSameTokenSilently() {
        claim(aConnection(peer, token, STALE));
        PeerConnection reconnect = aConnection(peer, token, NOW);

        assertThat(store.claim(reconnect, SEEN_AFTER, NO_LIMIT)).isEqualTo(CLAIMED_FREE);
        assertThat(store.holder(peer)).contains(reconnect);
    }

    @Test
    void keepsTheSameIdInTwoRealmsApart() {
        PeerAddress sameIdElsewhere = new PeerAddress(randomKey(), peer.id());
        PeerConnection here = claim(aConnection(peer, token, NOW));
        PeerConnection there = aConnection(sameIdElsewhere, randomToken(), NOW);

        assertThat(store.claim(there, SEEN_AFTER, NO_LIMIT)).isEqualTo(CLAIMED_FREE);
        assertThat(store.holder(peer)).contains(here);
        assertThat(store.holder(sameIdElsewhere)).contains(there);
    }

    @Test
    void refusesANewIdWhenTheRealmHasReachedItsLimit() {
        claim(aConnection(randomAddress(key)));
        claim(aConnection(randomAddress(key)));

        assertThat(store.claim(aConnection(peer), SEEN_AFTER, 2)).isEqualTo(new Claim.RealmFull());
        assertThat(store.holder(peer)).isEmpty();
    }

    @Test
    void acceptsANewIdWhileTheRealmIsBelowItsLimit() {
        claim(aConnection(randomAddress(key)));

        assertThat(store.claim(aConnection(peer), SEEN_AFTER, 2)).isEqualTo(CLAIMED_FREE);
    }

    @Test
    void countsOnlyLiveConnectionsTowardsTheLimit() {
        claim(aConnection(randomAddress(key)));
        claim(aConnection(randomAddress(key), randomToken(), STALE));

        assertThat(store.claim(aConnection(peer), SEEN_AFTER, 2)).isEqualTo(CLAIMED_FREE);
    }

    @Test
    void countsOnlyTheRealmsOwnConnectionsTowardsTheLimit() {
        String otherKey = randomKey();
        claim(aConnection(randomAddress(otherKey)));
        claim(aConnection(randomAddress(otherKey)));
        claim(aConnection(randomAddress(key)));

        assertThat(store.claim(aConnection(peer), SEEN_AFTER, 2)).isEqualTo(CLAIMED_FREE);
    }

    @Test
    void neverRefusesASupersedingReconnectForTheLimit() {
        PeerConnection old = claim(aConnection(peer, token, NOW));
        claim(aConnection(randomAddress(key)));

        assertThat(store.claim(aConnection(peer, token, NOW), SEEN_AFTER, 2))
                .isEqualTo(new Claim.Claimed(Optional.of(old)));
    }

    @Test
    void reportsATakenIdRatherThanAFullRealm() {
        claim(aConnection(peer, token, NOW));
        claim(aConnection(randomAddress(key)));

        assertThat(store.claim(aConnection(peer, randomToken(), NOW), SEEN_AFTER, 2))
                .isEqualTo(new Claim.IdTaken());
    }

    @Test
    void letsExactlyOneOfManyConcurrentClaimsOfOneIdWin() {
        List<PeerConnection> contenders =
                IntStream.range(0, 64).mapToObj(i -> aConnection(peer, randomToken(), NOW)).toList();

        List<Claim> outcomes = Race.run(contenders.size(),
                i -> store.claim(contenders.get(i), SEEN_AFTER, NO_LIMIT));

        assertThat(outcomes).containsOnlyOnce(CLAIMED_FREE);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals(CLAIMED_FREE))
                .hasSize(contenders.size() - 1)
                .containsOnly(new Claim.IdTaken());
        assertThat(store.holder(peer)).contains(contenders.get(outcomes.indexOf(CLAIMED_FREE)));
    }

    @Test
    void neverLetsConcurrentClaimsOfNewIdsExceedTheRealmLimit() {
        claim(aConnection(randomAddress(key)));

        List<Claim> outcomes = Race.run(64, i -> store.claim(aConnection(randomAddress(key)), SEEN_AFTER, 10));

        assertThat(outcomes).filteredOn(CLAIMED_FREE::equals).hasSize(9);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals(CLAIMED_FREE))
                .hasSize(55)
                .containsOnly(new Claim.RealmFull());
        assertThat(store.liveIds(key, SEEN_AFTER, 100)).hasSize(10);
    }
}
