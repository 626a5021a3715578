package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The options beyond the defaults, on every store: with {@code SWITCHBOARD_PEERJS_ALLOW_DISCOVERY=true} and two
 * keys, {@code GET /<key>/peers} lists the ids connected under that key, and only those (keys are realms that never
 * see each other); with a queue of 5 per peer, the sixth message for a peer not connected yet is refused at once
 * with {@code EXPIRE} instead of growing the queue.
 */
@OnEveryStore
class PeerJsOptionsTest {

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_PEERJS_ALLOW_DISCOVERY", "true",
            "SWITCHBOARD_PEERJS_KEYS", "peerjs, team",
            "SWITCHBOARD_PEERJS_EXPIRE_TIMEOUT", "2000",
            "SWITCHBOARD_PEERJS_MAX_QUEUED_PER_PEER", "5"));

    @Test
    void listsThePeersOfEachKeyAndOnlyThose() {
        int port = SWITCHBOARD.peerJsPort();
        try (PeerJsClient alice = PeerJsClient.open(port, "/", PeerJsClient.newId("alice"));
                PeerJsClient member = PeerJsClient.connect(port, "/", "team", PeerJsClient.newId("member"),
                        PeerJsClient.newToken())) {
            member.awaitType("OPEN");

            ApiResponse everyone = new Api(port).get("/peerjs/peers");
            ApiResponse team = new Api(port).get("/team/peers");

            assertThat(everyone.status()).isEqualTo(200);
            assertThat(Json.elements(everyone.json())).extracting(node -> node.asText())
                    .contains(alice.id()).doesNotContain(member.id());
            assertThat(Json.elements(team.json())).extracting(node -> node.asText())
                    .contains(member.id()).doesNotContain(alice.id());
        }
    }

    @Test
    void neverRelaysAcrossKeys() {
        int port = SWITCHBOARD.peerJsPort();
        try (PeerJsClient alice = PeerJsClient.open(port, "/", PeerJsClient.newId("alice"));
                PeerJsClient member = PeerJsClient.connect(port, "/", "team", PeerJsClient.newId("member"),
                        PeerJsClient.newToken())) {
            member.awaitType("OPEN");
            alice.send("OFFER", member.id(), Map.of("sdp", "v=0"));
            member.send("OFFER", alice.id(), Map.of("marker", true));

            // The other realm's peer is "not connected yet" to alice: her offer waits there and expires.
            assertThat(alice.awaitType("EXPIRE").path("src").asText()).isEqualTo(member.id());
            member.awaitType("EXPIRE");
            assertThat(member.frames()).noneMatch(PeerJsClient.ofType("OFFER"));
            assertThat(alice.frames()).noneMatch(PeerJsClient.ofType("OFFER"));
        }
    }

    @Test
    void answersMessagesBeyondAFullQueueWithExpireAtOnceAndKeepsTheFirstOnes() {
        int port = SWITCHBOARD.peerJsPort();
        try (PeerJsClient alice = PeerJsClient.open(port, "/", PeerJsClient.newId("alice"))) {
            String carolId = PeerJsClient.newId("carol");
            IntStream.range(0, 8).forEach(n -> alice.send("CANDIDATE", carolId, Map.of("n", n)));

            // Refused at once: well before the 2 s expire timeout could have produced them.
            List<JsonNode> refused = alice.awaitFrames(PeerJsClient.ofType("EXPIRE"), 3);
            assertThat(refused).allMatch(frame -> frame.path("src").asText().equals(carolId));
            try (PeerJsClient carol = PeerJsClient.open(port, "/", carolId)) {
                List<JsonNode> queued = carol.awaitFrames(PeerJsClient.ofType("CANDIDATE"), 5);
                assertThat(queued).extracting(frame -> frame.path("payload").path("n").asInt())
                        .containsExactly(0, 1, 2, 3, 4);
            }
            assertThat(alice.frames()).filteredOn(PeerJsClient.ofType("EXPIRE")).hasSize(3);
        }
    }
}
