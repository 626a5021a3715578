package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PairingFlowTest.ofType;
import static dev.switchboard.app.e2e.PairingFlowTest.signal;
import static dev.switchboard.app.e2e.SignalingFlowScenarios.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database, as behind a load balancer: members of one session connected to
 * different instances pair and talk over their WebSockets, and an offer published on one instance is answered
 * on the other, each push arriving within a moment (woken through the database's NOTIFY, not found by a poll: a
 * socket reads its mailbox only when woken); and a long-poll waiting on one instance ends as soon as what it waits
 * for happens on the other.
 */
class CrossInstancePairingTest {
    /** Far below any poll or keep-alive interval, yet generous for two busy cores. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private static TwoInstances instances;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        instances = TwoInstances.onSharedDatabase(Map.of());
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    /** Waits at most {@link #PROMPTLY} for the first frame that matches. */
    static JsonNode promptly(SocketClient socket, Predicate<JsonNode> matching) {
        await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(5))
                .until(() -> socket.frames().stream().anyMatch(matching));
        return socket.frames().stream().filter(matching).findFirst().orElseThrow();
    }

    static Predicate<JsonNode> offerEvent(String type) {
        return frame -> ofType("offer-event").test(frame) && frame.path("event").path("type").asText().equals(type);
    }

    @Nested
    class MembersOnDifferentInstances {

        @Test
        void joinAndExchangeOfferAnswerAndCandidatesOverTheirSockets() {
            OpenedSession session = OpenedSession.open(instances.first().api().newHmacPeer(), 2);
            Member alice = session.host();
            try (SocketClient aliceSocket = alice.connect(instances.first().api(), 0)) {
                Member bob = session.joinByCode(instances.second().api().newEd25519Peer());
                assertThat(promptly(aliceSocket, ofType("peer-joined")).path("member").asText())
                        .isEqualTo(bob.memberId());

                try (SocketClient bobSocket = bob.connect(instances.second().api(), 0)) {
                    aliceSocket.send(alice.signalFrame("1", bob.memberId(), "offer", Map.of("sdp", TestData.sdp("o"))));
                    JsonNode offer = promptly(bobSocket, signal("offer"));
                    assertThat(offer.path("from").asText()).isEqualTo(alice.memberId());
                    assertThat(offer.path("payload").path("sdp").asText()).isEqualTo(TestData.sdp("o"));
                    assertThat(offer.path("sequence").asLong())
                            .isEqualTo(promptly(aliceSocket, ofType("sent")).path("sequences").get(0).asLong());

                    bobSocket.send(bob.signalFrame("2", alice.memberId(), "answer", Map.of("sdp", TestData.sdp("a"))));
                    assertThat(promptly(aliceSocket, signal("answer")).path("payload").path("sdp").asText())
                            .isEqualTo(TestData.sdp("a"));

                    aliceSocket.send(alice.signalFrame("3", bob.memberId(), "ice-candidate", Map.of("c", "from A")));
                    bobSocket.send(bob.signalFrame("4", alice.memberId(), "ice-candidate", Map.of("c", "from B")));
                    assertThat(promptly(bobSocket, signal("ice-candidate")).path("payload").path("c").asText())
                            .isEqualTo("from A");
                    assertThat(promptly(aliceSocket, signal("ice-candidate")).path("payload").path("c").asText())
                            .isEqualTo("from B");

                    assertThat(bob.peer().post("/v1/sessions/" + session.id() + "/leave", Map.of()).status())
                            .isEqualTo(204);
                    assertThat(promptly(aliceSocket, ofType("peer-left")).path("member").asText())
                            .isEqualTo(bob.memberId());
                    assertThat(aliceSocket.messages()).noneMatch(signal("offer")).noneMatch(signal("ice-candidate")
                            .and(frame -> frame.path("payload").path("c").asText().equals("from A")));
                }
            }
        }

        /** Measures what the operator's guide quotes: signal sent on one instance to push on the other. */
        @Test
        void receiveEachOthersSignalsWithinMilliseconds() {
            OpenedSession session = OpenedSession.open(instances.first().api().newHmacPeer(), 2);
            Member alice = session.host();
            Member bob = session.joinByCode(instances.second().api().newHmacPeer());
            List<Long> micros = new ArrayList<>();
            try (SocketClient aliceSocket = alice.connect(instances.first().api(), 0);
                    SocketClient bobSocket = bob.connect(instances.second().api(), 0)) {
                for (int n = 0; n < 40; n++) {
                    int round = n;
                    SocketClient from = n % 2 == 0 ? aliceSocket : bobSocket;
                    SocketClient to = n % 2 == 0 ? bobSocket : aliceSocket;
                    Member sender = n % 2 == 0 ? alice : bob;
                    Member recipient = n % 2 == 0 ? bob : alice;
                    long sent = System.nanoTime();
                    from.send(sender.signalFrame("r" + n, recipient.memberId(), "app:ping", Map.of("n", n)));
                    promptly(to, signal("app:ping").and(frame -> frame.path("payload").path("n").asInt() == round));
                    micros.add((System.nanoTime() - sent) / 1000);
                }
            }
            Collections.sort(micros);
            System.out.printf("cross-instance WebSocket push (frame sent on one instance to frame received from the "
                    + "other), 40 round trips: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                    micros.get(20) / 1000.0, micros.get(36) / 1000.0, micros.get(39) / 1000.0);
            assertThat(micros.get(20)).as("median µs").isLessThan(500_000);
        }
    }

    @Nested
    class AnOfferPublishedOnOneInstance {

        @Test
        void isAnsweredOnTheOtherWithEveryEventPushedToBothSockets() {
            exchangeAcross(instances.first().api(), instances.second().api());
        }

        @Test
        void isAnsweredOnTheOtherTheOtherWayRound() {
            exchangeAcross(instances.second().api(), instances.first().api());
        }

        /** The publisher calls and listens on {@code publishing}, the answerer on {@code answering}. */
        private void exchangeAcross(Api publishing, Api answering) {
            Peer owner = publishing.newEd25519Peer();
            Peer answerer = answering.newHmacPeer();
            String offerId = owner.publishOne(TestData.uniqueService());
            try (SocketClient ownerSocket = eventSocket(publishing, owner);
                    SocketClient answererSocket = eventSocket(answering, answerer)) {
                ApiResponse answered = answerer.answer(offerId, TestData.sdp("answer"));
                assertThat(answered.status()).as("%s", answered).isEqualTo(201);
                JsonNode answer = promptly(ownerSocket, offerEvent("answer")).path("event");
                assertThat(answer.path("offerId").asText()).isEqualTo(offerId);
                assertThat(answer.path("sdp").asText()).isEqualTo(TestData.sdp("answer"));

                assertThat(answerer.addCandidates(offerId, List.of(candidate("a1"))).status()).isEqualTo(201);
                JsonNode fromAnswerer = promptly(ownerSocket, offerEvent("candidate")).path("event");
                assertThat(fromAnswerer.path("from").asText()).isEqualTo("answerer");
                assertThat(fromAnswerer.path("candidate").path("candidate").asText()).contains("candidate:a1 ");
                assertThat(fromAnswerer.path("sequence").asLong()).isGreaterThan(answer.path("sequence").asLong());

                assertThat(owner.addCandidates(offerId, List.of(candidate("o1"))).status()).isEqualTo(201);
                JsonNode fromOwner = promptly(answererSocket, offerEvent("candidate")).path("event");
                assertThat(fromOwner.path("from").asText()).isEqualTo("offerer");
                assertThat(fromOwner.path("candidate").path("candidate").asText()).contains("candidate:o1 ");

                assertThat(ownerSocket.frames()).filteredOn(ofType("offer-event")).hasSize(2);
                assertThat(answererSocket.frames()).filteredOn(ofType("offer-event")).hasSize(1);
            }
        }

        @Test
        void pushesOnlyLaterEventsToAPublisherResumingOnTheOtherInstanceWithItsCursor() {
            Peer owner = instances.first().api().newEd25519Peer();
            Peer answerer = instances.second().api().newHmacPeer();
            String offerId = owner.publishOne(TestData.uniqueService());
            long seen;
            try (SocketClient onFirst = eventSocket(instances.first().api(), owner)) {
                assertThat(answerer.answer(offerId, TestData.sdp("answer")).status()).isEqualTo(201);
                seen = promptly(onFirst, offerEvent("answer")).path("event").path("sequence").asLong();
            }
            assertThat(answerer.addCandidates(offerId, List.of(candidate("a1"))).status()).isEqualTo(201);

            try (SocketClient onSecond =
                    eventSocket(instances.second().api(), owner.via(instances.second().api()), seen)) {
                JsonNode missed = promptly(onSecond, offerEvent("candidate")).path("event");
                assertThat(missed.path("sequence").asLong()).isGreaterThan(seen);
                assertThat(answerer.addCandidates(offerId, List.of(candidate("a2"))).status()).isEqualTo(201);
                await().atMost(PROMPTLY)
                        .until(() -> onSecond.frames().stream().filter(ofType("offer-event")).count() == 2);
                assertThat(onSecond.frames()).noneMatch(offerEvent("answer"));
            }
        }

        private SocketClient eventSocket(Api api, Peer peer) {
            return eventSocket(api, peer, 0);
        }

        /** A socket on {@code api} pushing {@code peer}'s offer events after {@code after}; it needs no session. */
        private SocketClient eventSocket(Api api, Peer peer, long after) {
            ApiResponse ticket = peer.call("POST", "/v1/tickets").send();
            assertThat(ticket.status()).as("ticket: %s", ticket).isEqualTo(201);
            SocketClient socket = SocketClient.open(api,
                    "ticket=" + ticket.json().path("ticket").asText() + "&eventsAfter=" + after);
            socket.awaitFrame(ofType("welcome"));
            return socket;
        }
    }

    /** The long-poll fallbacks wait on one instance and are ended by what happens on the other. */
    @Nested
    class LongPollsWaitingOnTheOtherInstance {
        /** Far below the 30 s a poll waits: only a wake-up can end it this early. */
        private static final String WAIT = "&wait=30";

        @Test
        void aWaitingFetchOfMessagesReturnsAsSoonAsASignalIsSent() throws Exception {
            OpenedSession session = OpenedSession.open(instances.first().api().newHmacPeer(), 2);
            Member bob = session.joinByCode(instances.second().api().newHmacPeer());
            CompletableFuture<ApiResponse> poll = bob.peer().call("GET", "/v1/messages?after=0" + WAIT).sendAsync();
            Thread.sleep(500);
            assertThat(poll).as("waiting").isNotDone();

            assertThat(session.host().signal(bob.memberId(), "offer", Map.of("sdp", TestData.sdp("o"))).status())
                    .isEqualTo(201);

            ApiResponse fetched = poll.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(Json.elements(fetched.json().path("messages"))).filteredOn(signal("offer")).singleElement()
                    .satisfies(offer -> assertThat(offer.path("from").asText()).isEqualTo(session.host().memberId()));
        }

        @Test
        void aWaitingPollOfOfferEventsReturnsAsSoonAsTheOfferIsAnswered() throws Exception {
            Peer owner = instances.first().api().newEd25519Peer();
            String offerId = owner.publishOne(TestData.uniqueService());
            CompletableFuture<ApiResponse> poll =
                    owner.via(instances.second().api()).call("GET", "/v1/events?after=0" + WAIT).sendAsync();
            Thread.sleep(500);
            assertThat(poll).as("waiting").isNotDone();

            assertThat(instances.first().api().newHmacPeer().answer(offerId, TestData.sdp("answer")).status())
                    .isEqualTo(201);

            ApiResponse events = poll.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(Json.elements(events.json().path("events"))).singleElement().satisfies(answer -> {
                assertThat(answer.path("type").asText()).isEqualTo("answer");
                assertThat(answer.path("offerId").asText()).isEqualTo(offerId);
            });
        }
    }
}
