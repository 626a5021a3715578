package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aConnection;
import static dev.switchboard.ports.testing.PeerFixtures.randomKey;
import static dev.switchboard.ports.testing.PeerFixtures.randomToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerId;
import org.junit.jupiter.api.Test;

/** Listing the live ids of one realm, for PeerJS discovery. */
abstract class PeerDiscoveryRules extends PeerStoreRules {
    private final String key = randomKey();

    @Test
    void listsTheLiveIdsOfARealmInIdOrder() {
        connect("charlie");
        connect("alpha");
        connect("bravo");

        assertThat(store.liveIds(key, SEEN_AFTER, 10)).containsExactly("alpha", "bravo", "charlie");
    }

    @Test
    void listsAtMostTheLimitFromTheStart() {
        connect("charlie");
        connect("alpha");
        connect("bravo");

        assertThat(store.liveIds(key, SEEN_AFTER, 2)).containsExactly("alpha", "bravo");
    }

    @Test
    void leavesOutStaleConnections() {
        connect("alpha");
        claim(aConnection(new PeerAddress(key, new PeerId("bravo")), randomToken(), STALE));
        claim(aConnection(new PeerAddress(key, new PeerId("charlie")), randomToken(), SEEN_AFTER));

        assertThat(store.liveIds(key, SEEN_AFTER, 10)).containsExactly("alpha", "charlie");
    }

    @Test
    void leavesOutReleasedIds() {
        connect("alpha");
        PeerConnection leaving = connect("bravo");
        store.release(leaving.peer(), leaving.connectionId());

        assertThat(store.liveIds(key, SEEN_AFTER, 10)).containsExactly("alpha");
    }

    @Test
    void listsOnlyTheIdsOfTheRealmAsked() {
        connect("alpha");
        claim(aConnection(new PeerAddress(randomKey(), new PeerId("bravo"))));

        assertThat(store.liveIds(key, SEEN_AFTER, 10)).containsExactly("alpha");
        assertThat(store.liveIds(randomKey(), SEEN_AFTER, 10)).isEmpty();
    }

    @Test
    void listsASupersededIdOnce() {
        PeerConnection old = connect("alpha");
        store.claim(aConnection(old.peer(), old.token(), NOW), SEEN_AFTER, NO_LIMIT);

        assertThat(store.liveIds(key, SEEN_AFTER, 10)).containsExactly("alpha");
    }

    private PeerConnection connect(String id) {
        return claim(aConnection(new PeerAddress(key, new PeerId(id))));
    }
}
