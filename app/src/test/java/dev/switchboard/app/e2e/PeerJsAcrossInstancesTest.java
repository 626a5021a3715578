package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PeerJsClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database serve one PeerJS directory: a peer connected to one reaches a peer
 * connected to the other within a second (woken through the database, not found by polling), messages queued on
 * one are delivered by the other, and an id held on one is taken on both.
 */
class PeerJsAcrossInstancesTest {
    /**
     * Nothing on the PeerJS path polls the store: a message reaches the other instance's socket only through
     * the wake-up, so any arrival proves it. The bound only keeps a broken wake-up from hanging the test, and
     * is generous because the build machine may be busy.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static TwoInstances instances;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        instances = TwoInstances.onSharedDatabase(Map.of("SWITCHBOARD_PEERJS_EXPIRE_TIMEOUT", "2000"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void peersOnDifferentInstancesExchangeMessagesBothWaysThroughWakeUps() {
        try (PeerJsClient alice = PeerJsClient.open(instances.first().peerJsPort(), "/", PeerJsClient.newId("alice"));
                PeerJsClient bob = PeerJsClient.open(instances.second().peerJsPort(), "/", PeerJsClient.newId("bob"))) {
            for (int round = 0; round < 3; round++) {
                alice.send("OFFER", bob.id(), Map.of("round", round));
                int expected = round;
                JsonNode offer = await().atMost(PATIENCE).until(() -> bob.frames().stream()
                        .filter(frame -> frame.path("payload").path("round").asInt(-1) == expected)
                        .findFirst().orElse(null), frame -> frame != null);
                assertThat(offer.path("src").asText()).isEqualTo(alice.id());

                bob.send("ANSWER", alice.id(), Map.of("round", round));
                JsonNode answer = await().atMost(PATIENCE).until(() -> alice.frames().stream()
                        .filter(frame -> frame.path("payload").path("round").asInt(-1) == expected)
                        .findFirst().orElse(null), frame -> frame != null);
                assertThat(answer.path("type").asText()).isEqualTo("ANSWER");
                assertThat(answer.path("src").asText()).isEqualTo(bob.id());
            }
        }
    }

    @Test
    void deliversWhatOneInstanceQueuedWhenThePeerOpensOnTheOther() {
        try (PeerJsClient alice = PeerJsClient.open(instances.first().peerJsPort(), "/", PeerJsClient.newId("alice"))) {
            String carolId = PeerJsClient.newId("carol");
            alice.send("OFFER", carolId, Map.of("n", 1));
            alice.send("CANDIDATE", carolId, Map.of("n", 2));

            try (PeerJsClient carol = PeerJsClient.open(instances.second().peerJsPort(), "/", carolId)) {
                carol.awaitType("CANDIDATE");
                assertThat(carol.frames()).extracting(frame -> frame.path("type").asText())
                        .containsExactly("OPEN", "OFFER", "CANDIDATE");
            }
            assertThat(alice.frames()).noneMatch(ofType("EXPIRE"));
        }
    }

    @Test
    void refusesAnIdHeldOnTheOtherInstanceToAnotherToken() {
        try (PeerJsClient alice = PeerJsClient.open(instances.first().peerJsPort(), "/", PeerJsClient.newId("alice"));
                PeerJsClient squatter = PeerJsClient.connect(instances.second().peerJsPort(), "/", "peerjs", alice.id(),
                        PeerJsClient.newToken())) {
            assertThat(squatter.awaitFrame(ofType("OPEN").or(ofType("ID-TAKEN"))).path("type").asText())
                    .isEqualTo("ID-TAKEN");
        }
    }

    @Test
    void closesTheOldSocketOnTheOtherInstanceWhenTheSameIdAndTokenReconnect() {
        try (PeerJsClient bob = PeerJsClient.open(instances.first().peerJsPort(), "/", PeerJsClient.newId("bob"));
                PeerJsClient old = PeerJsClient.open(instances.first().peerJsPort(), "/", PeerJsClient.newId("alice"));
                PeerJsClient moved = PeerJsClient.connect(instances.second().peerJsPort(), "/", "peerjs", old.id(),
                        old.token())) {
            moved.awaitType("OPEN");

            old.awaitClose();
            bob.send("OFFER", old.id(), Map.of("to", "the moved socket"));
            assertThat(moved.awaitType("OFFER").path("src").asText()).isEqualTo(bob.id());
        }
    }
}
