package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PeerJsClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The PeerJS endpoint as a {@code peerjs} client sees it, on every store: connecting, relaying, queueing for peers
 * not yet connected, {@code EXPIRE}, id ownership, and where Switchboard is stricter than the {@code peer} server
 * (malformed and oversized frames, reconnects that replace the old socket). Under {@code /myapp/}, as the
 * {@code peer} documentation's examples serve it, with a 1 s expire timeout and small frames so tests reach them.
 */
@OnEveryStore
class PeerJsTest {
    static final String PATH = "/myapp/";
    static final int MAX_FRAME_BYTES = 8192;

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_PEERJS_PATH", "/myapp",
            "SWITCHBOARD_PEERJS_EXPIRE_TIMEOUT", "1000",
            "SWITCHBOARD_PEERJS_MAX_PAYLOAD_BYTES", "4096",
            "SWITCHBOARD_PEERJS_MAX_FRAME_BYTES", String.valueOf(MAX_FRAME_BYTES)));

    static int port() {
        return SWITCHBOARD.peerJsPort();
    }

    static PeerJsClient open(String name) {
        return PeerJsClient.open(port(), PATH, PeerJsClient.newId(name));
    }

    /** A relayed frame of {@code type} from {@code src}. */
    static Predicate<JsonNode> relayed(String type, String src) {
        return frame -> frame.path("type").asText().equals(type) && frame.path("src").asText().equals(src);
    }

    /** An SDP offer's payload as the client sends it: nested, with text that must survive byte for byte. */
    static Map<String, Object> offerPayload() {
        return Map.of(
                "sdp", Map.of("type", "offer", "sdp", "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"),
                "type", "data",
                "connectionId", "dc_k3r8x0q1zp",
                "browser", "chrome",
                "label", "chat ✓ «ünïcode» \"quoted\" \\ backslash",
                "reliable", true,
                "serialization", "binary",
                "metadata", Map.of("n", 12345678901L, "x", 0.5, "nothing", List.of()));
    }

    @Nested
    class TwoConnectedPeers {

        @Test
        void exchangeOfferAnswerAndCandidatesBothWaysWithPayloadsUntouchedAndSrcForced() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob")) {
                Map<String, Object> offer = offerPayload();
                Map<String, Object> answer = Map.of("sdp", Map.of("type", "answer", "sdp", "v=0\r\n"),
                        "type", "data", "connectionId", "dc_k3r8x0q1zp", "browser", "firefox");
                Map<String, Object> candidate = Map.of("candidate", Map.of("candidate",
                        "candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host", "sdpMid", "0", "sdpMLineIndex", 0),
                        "type", "data", "connectionId", "dc_k3r8x0q1zp");

                // A forged src is overwritten with the sender's own id.
                alice.sendFrame(Map.of("type", "OFFER", "dst", bob.id(), "src", "mallory", "payload", offer));
                JsonNode receivedOffer = bob.awaitType("OFFER");
                bob.send("ANSWER", alice.id(), answer);
                bob.send("CANDIDATE", alice.id(), candidate);
                alice.send("CANDIDATE", bob.id(), candidate);

                assertThat(receivedOffer.path("src").asText()).isEqualTo(alice.id());
                assertThat(receivedOffer.path("dst").asText()).isEqualTo(bob.id());
                assertThat(receivedOffer.path("payload")).isEqualTo(Json.parse(new String(Json.bytes(offer))));
                JsonNode receivedAnswer = alice.awaitFrame(relayed("ANSWER", bob.id()));
                assertThat(receivedAnswer.path("dst").asText()).isEqualTo(alice.id());
                assertThat(receivedAnswer.path("payload")).isEqualTo(Json.parse(new String(Json.bytes(answer))));
                assertThat(alice.awaitFrame(relayed("CANDIDATE", bob.id())).path("payload"))
                        .isEqualTo(Json.parse(new String(Json.bytes(candidate))));
                assertThat(bob.awaitFrame(relayed("CANDIDATE", alice.id())).path("payload"))
                        .isEqualTo(Json.parse(new String(Json.bytes(candidate))));
                assertThat(bob.frames()).noneMatch(frame -> frame.path("src").asText().equals("mallory"));
                assertThat(alice.unparsable()).isEmpty();
                assertThat(bob.unparsable()).isEmpty();
            }
        }

        @Test
        void relayLeaveWithTheSendersId() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob")) {
                alice.send("LEAVE", bob.id(), Map.of("connectionId", "dc_1"));

                assertThat(bob.awaitType("LEAVE").path("src").asText()).isEqualTo(alice.id());
            }
        }

        @Test
        void keepEachSendersOrder() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob")) {
                IntStream.range(0, 30).forEach(n -> alice.send("CANDIDATE", bob.id(), Map.of("n", n)));

                List<JsonNode> candidates = bob.awaitFrames(ofType("CANDIDATE"), 30);
                assertThat(candidates).extracting(frame -> frame.path("payload").path("n").asInt())
                        .containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
            }
        }

        @Test
        void answerHeartbeatsWithNothingAndStayConnected() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob")) {
                alice.heartbeat();
                alice.heartbeat();
                bob.send("CANDIDATE", alice.id(), Map.of("after", "heartbeats"));

                alice.awaitType("CANDIDATE");
                assertThat(alice.frames()).extracting(frame -> frame.path("type").asText())
                        .containsExactly("OPEN", "CANDIDATE");
                assertThat(alice.isClosed()).isFalse();
            }
        }
    }

    @Nested
    class APeerNotConnectedYet {

        @Test
        void receivesWhatWasSentToItInOrderRightAfterOpen() {
            try (PeerJsClient alice = open("alice")) {
                String carolId = PeerJsClient.newId("carol");
                alice.send("OFFER", carolId, Map.of("n", 0));
                alice.send("CANDIDATE", carolId, Map.of("n", 1));
                alice.send("CANDIDATE", carolId, Map.of("n", 2));

                try (PeerJsClient carol = PeerJsClient.open(port(), PATH, carolId)) {
                    List<JsonNode> frames = carol.awaitFrames(relayed("CANDIDATE", alice.id()), 2);
                    assertThat(carol.frames()).extracting(frame -> frame.path("type").asText())
                            .containsExactly("OPEN", "OFFER", "CANDIDATE", "CANDIDATE");
                    assertThat(carol.frames().subList(1, 4)).extracting(frame -> frame.path("payload").path("n")
                            .asInt()).containsExactly(0, 1, 2);
                    assertThat(frames).allMatch(frame -> frame.path("dst").asText().equals(carolId));
                }
                assertThat(alice.frames()).noneMatch(ofType("EXPIRE"));
            }
        }

        @Test
        void makesTheSenderReceiveExpireWhenItNeverComes() {
            try (PeerJsClient alice = open("alice")) {
                String ghost = PeerJsClient.newId("ghost");
                alice.send("OFFER", ghost, Map.of("sdp", "v=0"));

                JsonNode expire = alice.awaitType("EXPIRE");

                assertThat(expire.path("src").asText()).isEqualTo(ghost);
                assertThat(expire.path("dst").asText()).isEqualTo(alice.id());
                // Too late: the message is gone, the late peer gets nothing.
                try (PeerJsClient late = PeerJsClient.open(port(), PATH, ghost)) {
                    late.heartbeat();
                    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                            .until(() -> late.frames().size() == 1);
                }
            }
        }
    }

    @Nested
    class IdOwnership {

        @Test
        void refusesTheIdToAnotherTokenWithIdTakenAndLeavesTheHolderConnected() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob");
                    PeerJsClient squatter = PeerJsClient.connect(port(), PATH, "peerjs", alice.id(),
                            PeerJsClient.newToken())) {
                JsonNode taken = squatter.awaitType("ID-TAKEN");
                squatter.awaitClose();

                assertThat(taken.path("payload").path("msg").asText()).isEqualTo("ID is taken");
                assertThat(squatter.frames()).noneMatch(ofType("OPEN"));
                bob.send("OFFER", alice.id(), Map.of("still", "yours"));
                assertThat(alice.awaitType("OFFER").path("src").asText()).isEqualTo(bob.id());
                assertThat(alice.isClosed()).isFalse();
            }
        }

        @Test
        void replacesTheOldSocketWhenTheSameIdAndTokenReconnect() {
            try (PeerJsClient bob = open("bob");
                    PeerJsClient first = open("alice");
                    PeerJsClient second = PeerJsClient.connect(port(), PATH, "peerjs", first.id(), first.token())) {
                second.awaitType("OPEN");

                first.awaitClose();
                bob.send("OFFER", first.id(), Map.of("to", "the new socket"));
                assertThat(second.awaitType("OFFER").path("src").asText()).isEqualTo(bob.id());
                assertThat(first.frames()).noneMatch(ofType("OFFER"));
                assertThat(second.isClosed()).isFalse();
            }
        }

        @Test
        void freesTheIdWhenItsSocketCloses() {
            String id;
            try (PeerJsClient alice = open("alice")) {
                id = alice.id();
            }

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (PeerJsClient again = PeerJsClient.connect(port(), PATH, "peerjs", id, PeerJsClient.newToken())) {
                    assertThat(again.awaitFrame(ofType("OPEN").or(ofType("ID-TAKEN"))).path("type").asText())
                            .isEqualTo("OPEN");
                }
            });
        }
    }

    @Nested
    class WhenAClientMisbehaves {

        @Test
        void closesOnlyTheSocketThatSentAFrameThatIsNotJson() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob");
                    PeerJsClient broken = open("broken")) {
                broken.sendText("{\"type\":\"OFFER\",\"dst\":");

                assertThat(broken.awaitType("ERROR").path("payload").path("msg").asText()).isNotBlank();
                broken.awaitClose();
                provesTheOthersCarryOn(alice, bob);
            }
        }

        @Test
        void closesOnlyTheSocketThatSentAnOversizedFrame() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob");
                    PeerJsClient greedy = open("greedy")) {
                greedy.send("OFFER", bob.id(), Map.of("sdp", "x".repeat(MAX_FRAME_BYTES * 2)));

                greedy.awaitClose();
                assertThat(bob.frames()).noneMatch(relayed("OFFER", greedy.id()));
                provesTheOthersCarryOn(alice, bob);
            }
        }

        @Test
        void refusesAnUnknownTypeWithAnError() {
            try (PeerJsClient alice = open("alice"); PeerJsClient bob = open("bob");
                    PeerJsClient odd = open("odd")) {
                odd.sendFrame(Map.of("type", "SHOUT", "dst", bob.id(), "payload", Map.of()));

                odd.awaitType("ERROR");
                assertThat(bob.frames()).noneMatch(ofType("SHOUT"));
                provesTheOthersCarryOn(alice, bob);
            }
        }

        private static void provesTheOthersCarryOn(PeerJsClient alice, PeerJsClient bob) {
            alice.send("OFFER", bob.id(), Map.of("after", "the misbehaviour"));
            bob.send("ANSWER", alice.id(), Map.of("after", "the misbehaviour"));
            assertThat(bob.awaitFrame(relayed("OFFER", alice.id())).path("payload").path("after").asText())
                    .isEqualTo("the misbehaviour");
            assertThat(alice.awaitFrame(relayed("ANSWER", bob.id()))).isNotNull();
            assertThat(alice.isClosed()).isFalse();
            assertThat(bob.isClosed()).isFalse();
        }
    }

    @Nested
    class WhenConnectingWrongly {

        @Test
        void answersAnUnknownKeyWithInvalidKey() {
            try (PeerJsClient stranger = PeerJsClient.connect(port(), PATH, "not-our-key", PeerJsClient.newId("x"),
                    PeerJsClient.newToken())) {
                assertThat(stranger.awaitType("ERROR").path("payload").path("msg").asText())
                        .isEqualTo("Invalid key provided");
                assertThat(stranger.frames()).noneMatch(ofType("OPEN"));
            }
        }

        @Test
        void answersAMissingTokenWithTheClientsText() {
            try (PeerJsClient anonymous = PeerJsClient.connect(port(), PATH,
                    Map.of("key", "peerjs", "id", PeerJsClient.newId("x")))) {
                assertThat(anonymous.awaitType("ERROR").path("payload").path("msg").asText())
                        .isEqualTo("No id, token, or key supplied to websocket server");
                anonymous.awaitClose();
            }
        }
    }

    @Nested
    class OverHttp {

        @Test
        void describesTheServerAtItsPath() {
            ApiResponse description = new Api(port()).get(PATH);

            assertThat(description.status()).isEqualTo(200);
            assertThat(description.json().path("name").asText()).isEqualTo("PeerJS Server");
            assertThat(description.json().path("website").asText()).isEqualTo("https://peerjs.com/");
        }

        @Test
        void handsOutAFreshValidIdPerRequest() {
            ApiResponse first = new Api(port()).get(PATH + "peerjs/id");
            ApiResponse second = new Api(port()).get(PATH + "peerjs/id");

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).matches("[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*").isNotEqualTo(second.body());
            assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");
            try (PeerJsClient withIt = PeerJsClient.open(port(), PATH, first.body())) {
                assertThat(withIt.isClosed()).isFalse();
            }
        }

        @Test
        void refusesToListPeersWhileDiscoveryIsOff() {
            try (PeerJsClient alice = open("alice")) {
                assertThat(new Api(port()).get(PATH + "peerjs/peers").status()).isEqualTo(401);
            }
        }

        @Test
        void refusesAnUnknownKey() {
            assertThat(new Api(port()).get(PATH + "not-our-key/id").status()).isEqualTo(401);
        }

        @Test
        void servesNothingOutsideItsPath() {
            assertThat(new Api(port()).get("/peerjs/id").status()).isEqualTo(404);
        }
    }
}
