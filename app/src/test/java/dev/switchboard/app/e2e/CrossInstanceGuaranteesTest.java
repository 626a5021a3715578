package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PairingFlowTest.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What must hold across instances behind one load balancer, proven through two instances on one PostgreSQL
 * schema of their own (so that this suite's budgets start from zero): one answer per offer, one use per signature
 * nonce and per WebSocket ticket, one guessing budget per client address, and one WebSocket frame budget per
 * identity, whichever instance each call reaches. (The per-address rate limits: {@link SharedRateLimitTest};
 * sweeping on both: {@link ConcurrentSweepTest}.)
 */
class CrossInstanceGuaranteesTest {
    private static final int GUESSES = 3;
    private static final int FRAMES = 5;

    private static TwoInstances instances;

    @BeforeAll
    static void startTwoInstancesOnOneSchema() {
        instances = TwoInstances.onSchemaOfTheirOwn("guarantees", Map.of(
                "SWITCHBOARD_JOIN_FAILURE_BUDGET", String.valueOf(GUESSES),
                "SWITCHBOARD_JOIN_FAILURE_WINDOW_SECONDS", "600",
                "SWITCHBOARD_TRANSFER_CLAIM_FAILURE_BUDGET", String.valueOf(GUESSES),
                "SWITCHBOARD_TRANSFER_CLAIM_FAILURE_WINDOW_SECONDS", "600",
                "SWITCHBOARD_RATE_LIMIT_WS_MESSAGES_PER_IDENTITY", FRAMES + "/1h"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    /** The instance the {@code i}-th caller reaches: the balancer alternates. */
    private static Api instance(int i) {
        return i % 2 == 0 ? instances.first().api() : instances.second().api();
    }

    /**
     * Sends {@code request}, signed for {@code signedFor}'s address, to {@code to} with that {@code Host}: as a
     * balancer does, which hands every instance the one public authority a client signs.
     */
    private static ApiResponse sendThroughTheBalancer(HttpRequest request, Api signedFor, Api to) {
        StringBuilder head = new StringBuilder(request.method()).append(' ')
                .append(request.uri().getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(request.uri().getAuthority()).append("\r\n");
        request.headers().map().forEach((name, values) ->
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        head.append("Content-Length: 0\r\nConnection: close\r\n");
        assertThat(request.uri().toString()).startsWith(signedFor.targetUri("/"));
        return to.sendHeadOnly(head.toString());
    }

    @Nested
    class SignatureNonces {

        @Test
        void aRequestAcceptedByOneInstanceIsRefusedAsAReplayByTheOther() {
            Peer peer = instances.first().api().newEd25519Peer();
            HttpRequest tickets = peer.call("POST", "/v1/tickets").request();
            assertThat(instances.first().api().send(tickets).status()).isEqualTo(201);

            ApiResponse replayed = sendThroughTheBalancer(tickets, instances.first().api(), instances.second().api());

            assertThat(replayed.status()).as("%s", replayed).isEqualTo(401);
            assertThat(replayed.code()).isEqualTo("nonce_replayed");
        }

        @Test
        void theOtherInstanceAcceptsAFreshRequestSignedForTheSameAuthority() {
            Peer peer = instances.first().api().newEd25519Peer();

            ApiResponse fresh = sendThroughTheBalancer(peer.call("POST", "/v1/tickets").request(),
                    instances.first().api(), instances.second().api());

            assertThat(fresh.status()).as("%s", fresh).isEqualTo(201);
        }
    }

    @Nested
    class WebSocketTickets {

        @Test
        void aTicketIssuedByOneInstanceOpensASocketOnTheOtherOnce() {
            String ticket = OpenedSession.open(instances.first().api().newHmacPeer(), 2).host().ticket();

            try (SocketClient socket = SocketClient.open(instances.second().api(), "ticket=" + ticket)) {
                socket.awaitFrame(ofType("welcome"));
                assertThat(SocketClient.refusedStatus(instances.first().api(), "ticket=" + ticket)).isEqualTo(401);
                assertThat(SocketClient.refusedStatus(instances.second().api(), "ticket=" + ticket)).isEqualTo(401);
            }
        }
    }

    @Nested
    class Answering {

        @Test
        void letsExactlyOneOfManyAnswerersOnBothInstancesWinAndTellsTheOwnerOnce() {
            Peer owner = instances.first().api().newEd25519Peer();
            String offerId = owner.publishOne(TestData.uniqueService());
            List<Peer> answerers = IntStream.range(0, 12).mapToObj(i -> instance(i).newEd25519Peer()).toList();

            List<ApiResponse> answers = IntStream.range(0, answerers.size())
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            answerers.get(i).answer(offerId, TestData.sdp("answer-" + i))))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.status() != 201)
                    .hasSize(answerers.size() - 1)
                    .allSatisfy(lost -> {
                        assertThat(lost.status()).as("%s", lost).isEqualTo(409);
                        assertThat(lost.code()).isEqualTo("offer_already_answered");
                    });
            int winner = answers.indexOf(answers.stream().filter(answer -> answer.status() == 201).findFirst()
                    .orElseThrow());
            for (Api api : List.of(instances.first().api(), instances.second().api())) {
                List<JsonNode> events = Json.elements(owner.via(api).events(0).json().path("events"));
                assertThat(events).singleElement().satisfies(answer -> {
                    assertThat(answer.path("type").asText()).isEqualTo("answer");
                    assertThat(answer.path("sdp").asText()).isEqualTo(TestData.sdp("answer-" + winner));
                });
            }
        }
    }

    @Nested
    class GuessingBudgets {

        @Test
        void joinFailuresOnEitherInstanceSpendOneBudgetForTheAddress() {
            OpenedSession session = OpenedSession.open(instances.first().api().newHmacPeer(), 2);
            Peer guesser = instances.first().api().newHmacPeer();

            for (int miss = 0; miss < GUESSES; miss++) {
                ApiResponse wrong = guesser.via(instance(miss)).post("/v1/sessions/join", Map.of("code", "ZZZZ2345"));
                assertThat(wrong.status()).as("miss %d: %s", miss, wrong).isEqualTo(404);
            }

            for (Api api : List.of(instances.first().api(), instances.second().api())) {
                ApiResponse right = guesser.via(api).post("/v1/sessions/join", Map.of("code", session.inviteCode()));
                assertThat(right.status()).as("%s", right).isEqualTo(429);
                assertThat(right.code()).isEqualTo("rate_limited");
            }
        }

        @Test
        void claimFailuresOnEitherInstanceSpendOneBudgetForTheAddress() {
            RelayClient.Created transfer = RelayClient.withNewKey(instances.first().api()).create(1, 16);
            RelayClient guesser = RelayClient.withNewKey(instances.first().api());
            String wrongCode = transfer.code().startsWith("Z") ? "YYYY2345" : "ZZZZ2345";

            for (int miss = 0; miss < GUESSES; miss++) {
                ApiResponse wrong = guesser.via(instance(miss)).tryClaim(wrongCode);
                assertThat(wrong.status()).as("miss %d: %s", miss, wrong).isEqualTo(404);
            }

            for (Api api : List.of(instances.first().api(), instances.second().api())) {
                ApiResponse right = guesser.via(api).tryClaim(transfer.code());
                assertThat(right.status()).as("%s", right).isEqualTo(429);
                assertThat(right.code()).isEqualTo("rate_limited");
            }
        }
    }

    @Nested
    class WebSocketFrameBudgets {

        @Test
        void framesOverSocketsOnBothInstancesSpendOneBudgetForTheIdentity() {
            OpenedSession session = OpenedSession.open(instances.first().api().newHmacPeer(), 2);
            Member alice = session.host();
            Member bob = session.joinByCode(instances.second().api().newHmacPeer());
            try (SocketClient onFirst = alice.connect(instances.first().api(), 0);
                    SocketClient onSecond = alice.via(instances.second().api()).connect(instances.second().api(), 0)) {
                for (int n = 0; n < FRAMES; n++) {
                    SocketClient socket = n % 2 == 0 ? onFirst : onSecond;
                    String ref = "frame-" + n;
                    socket.send(alice.signalFrame(ref, bob.memberId(), "app:n", Map.of("n", n)));
                    socket.awaitFrame(frame -> ofType("sent").test(frame) && frame.path("ref").asText().equals(ref));
                }

                onSecond.send(alice.signalFrame("one-too-many", bob.memberId(), "app:n", Map.of("n", FRAMES)));

                assertThat(onSecond.awaitClose()).isEqualTo(1008);
                assertThat(onSecond.frames()).noneMatch(frame -> frame.path("ref").asText().equals("one-too-many"));
                assertThat(onFirst.isClosed()).isFalse();
            }
        }
    }
}
