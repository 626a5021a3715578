package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.SessionMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebSocketPushTest {
    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;
    private final FakeMailbox mailbox = uses.mailbox;

    @AfterEach
    void stop() {
        running.close();
    }

    private static List<Long> sequences(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.path("sequence").asLong()).toList();
    }

    @Test
    void welcomesTheOwnerBeforeAnythingElse() {
        mailbox.deliver(Fixtures.bobJoined());

        try (SocketClient client = SocketClient.connect(running, "")) {
            assertThat(client.next().toString()).isEqualTo("{\"type\":\"welcome\",\"keyId\":\""
                    + UseCaseDoubles.ALICE.keyId() + "\",\"after\":0,\"maxFrameBytes\":4096,\"idleTimeoutSeconds\":30}");
            assertThat(client.next().path("type").asText()).isEqualTo("peer-joined");
        }
    }

    @Test
    void pushesAMessageAsSoonAsTheWatchWakesWithThePayloadAsTheSenderWroteIt() {
        try (SocketClient client = SocketClient.connect(running, "")) {
            client.next();

            mailbox.deliver(Fixtures.signalToAlice("offer", "{ \"sdp\" : \"v=0\\r\\n\", \"n\": [1, 2.50] }"));

            assertThat(client.nextText()).isEqualTo("{\"type\":\"signal\",\"sequence\":1,\"sessionId\":"
                    + "\"session-0000000001\",\"from\":\"member-bob1\",\"to\":\"member-alice\",\"signalType\":\"offer\","
                    + "\"payload\":{ \"sdp\" : \"v=0\\r\\n\", \"n\": [1, 2.50] },\"at\":\"2026-01-02T03:04:12.000Z\"}");
        }
    }

    @Test
    void pushesMembershipChangesWithTheirReason() {
        try (SocketClient client = SocketClient.connect(running, "")) {
            client.next();

            mailbox.deliver(Fixtures.bobLeft(SessionMessage.LeaveReason.TIMED_OUT));

            assertThat(client.next().toString()).isEqualTo("{\"type\":\"peer-left\",\"sequence\":1,\"sessionId\":"
                    + "\"session-0000000001\",\"member\":\"member-bob1\",\"reason\":\"timed-out\","
                    + "\"at\":\"2026-01-02T03:04:14.000Z\"}");
        }
    }

    @Test
    void replaysWhatIsStillUnacknowledgedAfterTheCursorTheClientGives() {
        for (int i = 0; i < 5; i++) {
            mailbox.deliver(Fixtures.signalToAlice("ice-candidate", "{\"n\":" + i + "}"));
        }

        try (SocketClient client = SocketClient.connect(running, "&after=2")) {
            assertThat(client.next().path("after").asLong()).isEqualTo(2);
            assertThat(sequences(client.next(3))).containsExactly(3L, 4L, 5L);
            client.expectSilence(Duration.ofMillis(200));
        }
        assertThat(mailbox.fetchedAfter()).startsWith(2L);
    }

    @Test
    void pushesEveryMessageOnceAndInOrderWhileTheyPourIn() {
        int count = 500;
        try (SocketClient client = SocketClient.connect(running, "")) {
            client.next();

            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < count; i++) {
                    mailbox.deliver(Fixtures.signalToAlice("app:chat", "\"message " + i + "\""));
                }
            });

            List<JsonNode> received = client.next(count);
            sender.join();
            assertThat(sequences(received)).containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
            assertThat(received.get(count - 1).path("payload").asText()).isEqualTo("message " + (count - 1));
            client.expectSilence(Duration.ofMillis(200));
        }
        assertThat(mailbox.fetchedAfter().size()).as("wake-ups coalesce into fewer fetches").isLessThan(count);
    }

    @Test
    void pushesAWholeBacklogPageByPage() {
        for (int i = 0; i < 3 * Deliveries.PAGE + 1; i++) {
            mailbox.deliver(Fixtures.bobJoined());
        }

        try (SocketClient client = SocketClient.connect(running, "")) {
            client.next();
            List<JsonNode> received = client.next(3 * Deliveries.PAGE + 1);

            assertThat(sequences(received)).isSorted().doesNotHaveDuplicates();
        }
        assertThat(mailbox.fetchedAfter()).startsWith(0L, 100L, 200L, 300L);
    }

    @Nested
    class OfferEvents {
        private final EventPage oneCandidate =
                new EventPage(List.of(new OfferEvent.CandidateAdded(Fixtures.candidate(8, Role.ANSWERER))), 8);

        @Test
        void arePushedFromTheGivenCursorWrappedAsOfferEvents() {
            when(uses.pollEvents.poll(UseCaseDoubles.ALICE, 7, Deliveries.PAGE)).thenReturn(oneCandidate);
            when(uses.pollEvents.poll(UseCaseDoubles.ALICE, 8, Deliveries.PAGE)).thenReturn(new EventPage(List.of(), 8));

            try (SocketClient client = SocketClient.connect(running, "&eventsAfter=7")) {
                assertThat(client.next().path("eventsAfter").asLong()).isEqualTo(7);
                assertThat(client.next().toString()).isEqualTo("{\"type\":\"offer-event\",\"event\":"
                        + "{\"type\":\"candidate\",\"sequence\":8,\"offerId\":\"offer-0001\",\"from\":\"answerer\","
                        + "\"candidate\":" + Fixtures.CANDIDATE_JSON + ",\"addedAt\":\"2026-01-02T03:04:13.000Z\"}}");
            }
        }

        @Test
        void areNeitherReadNorPushedWhenTheClientDoesNotAskForThem() {
            try (SocketClient client = SocketClient.connect(running, "")) {
                assertThat(client.next().has("eventsAfter")).isFalse();
                mailbox.deliver(Fixtures.bobJoined());
                client.next();
            }
            verify(uses.pollEvents, never()).poll(any(), anyLong(), anyInt());
        }
    }
}
