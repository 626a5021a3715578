package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driven.PeerStore.Claim;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** What every group of the peer store contract shares: a store per test and steps that must succeed. */
abstract class PeerStoreRules {
    /** Connections seen at or after this instant are live; fixture connections (seen {@code NOW}) are. */
    static final Instant SEEN_AFTER = NOW.minus(Duration.ofMinutes(1));
    /** The last sighting of a connection that is stale at {@link #SEEN_AFTER}: one millisecond too early. */
    static final Instant STALE = SEEN_AFTER.minusMillis(1);
    /** A realm limit that never matters where a test is not about it. */
    static final int NO_LIMIT = Integer.MAX_VALUE;
    /** Queue bounds that never matter where a test is not about them. */
    static final int ROOMY_PER_PEER = Integer.MAX_VALUE;
    static final long ROOMY_TOTAL = Long.MAX_VALUE / 2;

    static final Claim CLAIMED_FREE = new Claim.Claimed(Optional.empty());

    PeerStore store;

    protected abstract PeerStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    /** Claims the connection's id, live at {@link #SEEN_AFTER} and without a realm limit; it must be free. */
    PeerConnection claim(PeerConnection connection) {
        assertThat(store.claim(connection, SEEN_AFTER, NO_LIMIT)).isEqualTo(CLAIMED_FREE);
        return connection;
    }

    /** Queues the message without bounds and returns it as stored, with its sequence. */
    PeerMessage enqueue(PeerMessage message) {
        Optional<PeerMessage> stored = store.enqueue(message, ROOMY_PER_PEER, ROOMY_TOTAL);
        assertThat(stored).isPresent();
        return stored.orElseThrow();
    }
}
