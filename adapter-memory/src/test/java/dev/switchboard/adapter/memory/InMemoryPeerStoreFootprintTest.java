package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aConnection;
import static dev.switchboard.ports.testing.PeerFixtures.aMessage;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static dev.switchboard.ports.testing.PeerFixtures.randomKey;
import static dev.switchboard.ports.testing.PeerFixtures.randomToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryPeerStore.Footprint;
import dev.switchboard.ports.driven.PeerStore.Claim;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Nothing of a peer outlives it in memory: no realm, connection, queue or counted message once it is gone. */
class InMemoryPeerStoreFootprintTest {
    private static final Instant SEEN_AFTER = NOW.minusSeconds(60);
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private final InMemoryPeerStore store = new InMemoryPeerStore();
    private final String key = randomKey();

    @Test
    void leavesNothingBehindOnceItsPeersReleasedAndAcknowledged() {
        PeerConnection alice = claim(aConnection(randomAddress(key)));
        PeerConnection bob = claim(aConnection(randomAddress(randomKey())));
        PeerMessage toAlice = enqueue(aMessage(alice.peer()));
        enqueue(aMessage(bob.peer()));
        PeerMessage lastToBob = enqueue(aMessage(bob.peer()));

        assertThat(store.footprint()).isEqualTo(new Footprint(2, 2, 2, 3, 3));

        store.release(alice.peer(), alice.connectionId());
        store.release(bob.peer(), bob.connectionId());
        store.acknowledge(alice.peer(), toAlice.sequence());
        store.acknowledge(bob.peer(), lastToBob.sequence());

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void leavesNothingBehindOnceMessagesExpiredAndStaleConnectionsAreDeleted() {
        PeerConnection stale = claim(aConnection(randomAddress(key), randomToken(), SEEN_AFTER.minusMillis(1)));
        PeerConnection superseded = claim(aConnection(randomAddress(key), "same", SEEN_AFTER.minusSeconds(5)));
        store.claim(aConnection(superseded.peer(), "same", SEEN_AFTER.minusMillis(1)), SEEN_AFTER.minusSeconds(10),
                NO_LIMIT);
        enqueue(aMessage(stale.peer()));
        enqueue(aMessage(randomAddress(key)));
        enqueue(aMessage(randomAddress()));

        assertThat(store.expireUndelivered(NOW, SEEN_AFTER, 100)).hasSize(3);
        assertThat(store.deleteStale(SEEN_AFTER)).isEqualTo(2);

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void leavesNothingBehindForRefusedClaimsAndMessages() {
        PeerAddress peer = randomAddress(key);

        assertThat(store.claim(aConnection(peer), SEEN_AFTER, 0)).isEqualTo(new Claim.RealmFull());
        assertThat(store.enqueue(aMessage(peer), 0, 100)).isEmpty();
        assertThat(store.enqueue(aMessage(peer), 100, 0)).isEmpty();
        assertThat(store.touch(peer, "conn-unknown", NOW)).isFalse();
        assertThat(store.release(peer, "conn-unknown")).isFalse();
        assertThat(store.acknowledge(peer, Long.MAX_VALUE)).isZero();

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void countsTowardsTheBoundOnlyTheMessagesItHolds() {
        PeerAddress peer = randomAddress(key);
        PeerMessage first = enqueue(aMessage(peer));
        enqueue(aMessage(peer));
        store.enqueue(aMessage(peer), 2, 100);
        store.acknowledge(peer, first.sequence());

        assertThat(store.footprint()).isEqualTo(new Footprint(0, 0, 1, 1, 1));
        assertThat(store.enqueue(aMessage(randomAddress()), 100, 2)).isPresent();
        assertThat(store.enqueue(aMessage(randomAddress()), 100, 2)).isEmpty();
    }

    private PeerConnection claim(PeerConnection connection) {
        assertThat(store.claim(connection, SEEN_AFTER.minusSeconds(10), NO_LIMIT))
                .isEqualTo(new Claim.Claimed(Optional.empty()));
        return connection;
    }

    private PeerMessage enqueue(PeerMessage message) {
        return store.enqueue(message, 100, 100).orElseThrow();
    }
}
