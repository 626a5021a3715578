package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aConnection;
import static dev.switchboard.ports.testing.PeerFixtures.aMessage;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static dev.switchboard.ports.testing.PeerFixtures.randomKey;
import static dev.switchboard.ports.testing.PeerFixtures.randomToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.testing.Race;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expiring messages nobody came for in time, so that their senders can be told. */
abstract class PeerExpiryRules extends PeerStoreRules {
    /** Messages queued at or before this instant have waited long enough. */
    private static final Instant CUTOFF = NOW.minusSeconds(5);
    private static final int NO_BATCH_LIMIT = 1000;

    private final PeerAddress absent = randomAddress();

    @Test
    void expiresTheMessagesQueuedAtOrBeforeTheCutoffForAPeerThatNeverConnected() {
        PeerMessage early = enqueue(aMessage(absent, CUTOFF.minusMillis(1)));
        PeerMessage atCutoff = enqueue(aMessage(absent, CUTOFF));
        PeerMessage recent = enqueue(aMessage(absent, CUTOFF.plusMillis(1)));

        assertThat(store.expireUndelivered(CUTOFF, SEEN_AFTER, NO_BATCH_LIMIT))
                .containsExactlyInAnyOrder(early, atCutoff);

        assertThat(store.queued(absent, 0, 10)).containsExactly(recent);
    }

    @Test
    void expiresTheMessagesOfAPeerWhoseConnectionIsStale() {
        claim(aConnection(absent, randomToken(), STALE));
        PeerMessage waiting = enqueue(aMessage(absent, CUTOFF));

        assertThat(store.expireUndelivered(CUTOFF, SEEN_AFTER, NO_BATCH_LIMIT)).containsExactly(waiting);
    }

    @Test
    void expiresTheMessagesOfAPeerThatReleasedItsId() {
        PeerConnection gone = claim(aConnection(absent));
        store.release(absent, gone.connectionId());
        PeerMessage waiting = enqueue(aMessage(absent, CUTOFF));

        assertThat(store.expireUndelivered(CUTOFF, SEEN_AFTER, NO_BATCH_LIMIT)).containsExactly(waiting);
    }

    @Test
    void leavesTheMessagesOfALivePeer() {
        PeerAddress live = randomAddress(absent.key());
        claim(aConnection(live));
        PeerMessage waiting = enqueue(aMessage(live, CUTOFF.minusSeconds(60)));
        PeerMessage expiring = enqueue(aMessage(absent, CUTOFF));

        assertThat(store.expireUndelivered(CUTOFF, SEEN_AFTER, NO_BATCH_LIMIT)).containsExactly(expiring);

        assertThat(store.queued(live, 0, 10)).containsExactly(waiting);
    }

    @Test
    void judgesLivenessPerRealm() {
        claim(aConnection(new PeerAddress(randomKey(), absent.id())));
        PeerMessage waiting = enqueue(aMessage(absent, CUTOFF));

        assertThat(store.expireUndelivered(CUTOFF, SEEN_AFTER, NO_BATCH_LIMIT)).containsExactly(waiting);
    }

    @Test
    void expiresAtMostTheLimitPerCallAndEachMessageOnce() {
        List<PeerMessage> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(enqueue(aMessage(i % 2 == 0 ? absent : randomAddress(), CUTOFF)));
        }

        List<PeerMessage> expired = new ArrayList<>();
        expired.addAll(store.expireUndelivered(CUTOFF, SEEN_AFTER, 2));
        assertThat(expired).hasSize(2);
        expired.addAll(store.expireUndelivered(CUTOFF, SEEN_AFTER, 2));
        assertThat(expired).hasSize(4);
        expired.addAll(store.expireUndelivered(CUTOFF, SEEN_AFTER, 2));

        assertThat(expired).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(store.expireUndelivered(CUTOFF, SEEN_AFTER, 2)).isEmpty();
    }

    @Test
    void givesEachMessageToOneOfConcurrentCallersOnly() {
        List<PeerMessage> waiting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waiting.add(enqueue(aMessage(i % 3 == 0 ? absent : randomAddress(), CUTOFF)));
        }

        List<List<PeerMessage>> batches = Race.run(4, i -> store.expireUndelivered(CUTOFF, SEEN_AFTER, 80));

        List<PeerMessage> expired = batches.stream().flatMap(List::stream).toList();
        assertThat(expired).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(80));
    }
}
