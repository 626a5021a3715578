package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PairingFlowTest.ofType;
import static dev.switchboard.app.e2e.PairingFlowTest.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** Signals survive a disconnect, keep each sender's order, and reach long-polling members alike, on every store. */
@OnEveryStore
class DeliveryTest {

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    static Api api() {
        return SWITCHBOARD.api();
    }

    static List<Long> sequences(List<JsonNode> messages) {
        return messages.stream().map(message -> message.path("sequence").asLong()).toList();
    }

    static Map<String, Object> numbered(int n) {
        return Map.of("n", n);
    }

    @Nested
    class AfterAReconnect {

        @Test
        void receivesExactlyTheMissedSignalsOnceAndNeverTheAcknowledgedOnes() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            Member alice = session.host();
            Member bob = session.joinByCode(api().newHmacPeer());
            long acknowledged;
            try (SocketClient bobSocket = bob.connect(api(), 0)) {
                assertThat(alice.signal(bob.memberId(), "offer", numbered(0)).status()).isEqualTo(201);
                acknowledged = bobSocket.awaitFrame(signal("offer")).path("sequence").asLong();
                bobSocket.send(Map.of("type", "ack", "upTo", acknowledged));
                // The ack is done once the server sees no unacknowledged message of Bob's after 0.
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        bob.peer().get("/v1/messages?after=0").json().path("messages").isEmpty());
            }

            List<Long> missed = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                ApiResponse sent = alice.signal(bob.memberId(), "ice-candidate", numbered(n));
                assertThat(sent.status()).as("%s", sent).isEqualTo(201);
                missed.add(sent.json().path("signals").get(0).path("sequence").asLong());
            }

            try (SocketClient resumed = bob.connect(api(), acknowledged)) {
                resumed.awaitFrame(message -> message.path("sequence").asLong() == missed.get(2));
                // A marker sent last: once it arrives, anything duplicated before it would have arrived too.
                alice.signal(bob.memberId(), "app:marker", numbered(4));
                resumed.awaitFrame(signal("app:marker"));

                List<JsonNode> candidates = resumed.messages().stream().filter(signal("ice-candidate")).toList();
                assertThat(sequences(candidates)).containsExactlyElementsOf(missed);
                assertThat(candidates).extracting(m -> m.path("payload").path("n").asInt()).containsExactly(1, 2, 3);
                assertThat(resumed.messages()).noneMatch(signal("offer"));
                assertThat(sequences(resumed.messages())).doesNotHaveDuplicates().allMatch(s -> s > acknowledged);
            }
        }

        @Test
        void receivesEverythingUnacknowledgedAgainWhenResumingFromTheStart() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            Member bob = session.joinByCode(api().newHmacPeer());
            long sequence = session.host().signal(bob.memberId(), "offer", numbered(0))
                    .json().path("signals").get(0).path("sequence").asLong();
            try (SocketClient first = bob.connect(api(), 0)) {
                first.awaitFrame(signal("offer"));
            }

            try (SocketClient again = bob.connect(api(), 0)) {
                assertThat(again.awaitFrame(signal("offer")).path("sequence").asLong()).isEqualTo(sequence);
            }
        }
    }

    @Nested
    class WithTwoConcurrentSenders {

        @Test
        void deliversEachSendersSignalsInTheOrderSent() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 3);
            Member host = session.host();
            Member bob = session.joinByCode(api().newHmacPeer());
            Member carol = session.joinByToken(api().newEd25519Peer());
            int perSender = 25;
            try (SocketClient receiver = host.connect(api(), 0);
                    SocketClient bobSocket = bob.connect(api(), 0);
                    SocketClient carolSocket = carol.connect(api(), 0)) {
                CompletableFuture<Void> bobSends = CompletableFuture.runAsync(() -> IntStream.range(0, perSender)
                        .forEach(n -> bobSocket.send(bob.signalFrame("b" + n, host.memberId(), "app:n", numbered(n)))));
                CompletableFuture<Void> carolSends = CompletableFuture.runAsync(() -> IntStream.range(0, perSender)
                        .forEach(n -> carolSocket.send(carol.signalFrame("c" + n, host.memberId(), "app:n", numbered(n)))));
                CompletableFuture.allOf(bobSends, carolSends).join();

                await().atMost(Duration.ofSeconds(20)).until(() ->
                        receiver.messages().stream().filter(signal("app:n")).count() == 2L * perSender);
                List<JsonNode> received = receiver.messages().stream().filter(signal("app:n")).toList();
                assertThat(sequences(receiver.messages())).isSorted().doesNotHaveDuplicates();
                for (Member sender : List.of(bob, carol)) {
                    assertThat(received.stream().filter(m -> m.path("from").asText().equals(sender.memberId()))
                            .map(m -> m.path("payload").path("n").asInt()))
                            .as("from %s", sender.memberId())
                            .containsExactlyElementsOf(IntStream.range(0, perSender).boxed().toList());
                }
                assertThat(bobSocket.frames()).filteredOn(ofType("sent")).hasSize(perSender);
                assertThat(carolSocket.frames()).filteredOn(ofType("sent")).hasSize(perSender);
            }
        }
    }

    @Nested
    class ByLongPoll {

        @Test
        void aWaitingFetchReturnsAsSoonAsASignalArrives() throws Exception {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            Member bob = session.joinByCode(api().newHmacPeer());

            CompletableFuture<ApiResponse> poll = bob.peer().call("GET", "/v1/messages?after=0&wait=30").sendAsync();
            session.host().signal(bob.memberId(), "offer", numbered(1));

            // Far below the 30 s wait: only the signal's arrival can end the poll this early.
            ApiResponse fetched = poll.get(15, TimeUnit.SECONDS);
            assertThat(fetched.status()).isEqualTo(200);
            List<JsonNode> messages = Json.elements(fetched.json().path("messages"));
            assertThat(messages).filteredOn(signal("offer")).singleElement()
                    .satisfies(m -> assertThat(m.path("from").asText()).isEqualTo(session.host().memberId()));
        }

        @Test
        void keepsASignalUntilItIsAcknowledgedAndNeverAfter() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            Member bob = session.joinByCode(api().newHmacPeer());
            long first = session.host().signal(bob.memberId(), "offer", numbered(1))
                    .json().path("signals").get(0).path("sequence").asLong();
            long second = session.host().signal(bob.memberId(), "ice-candidate", numbered(2))
                    .json().path("signals").get(0).path("sequence").asLong();

            assertThat(sequences(Json.elements(bob.peer().get("/v1/messages?after=0").json().path("messages"))))
                    .containsExactly(first, second);
            assertThat(sequences(Json.elements(bob.peer().get("/v1/messages?after=0").json().path("messages"))))
                    .as("fetching again, unacknowledged").containsExactly(first, second);

            ApiResponse acked = bob.peer().post("/v1/messages/ack", Map.of("upTo", first));
            assertThat(acked.status()).isEqualTo(200);
            assertThat(acked.json().path("acknowledged").asInt()).isEqualTo(1);

            assertThat(sequences(Json.elements(bob.peer().get("/v1/messages?after=0").json().path("messages"))))
                    .containsExactly(second);
        }
    }
}
