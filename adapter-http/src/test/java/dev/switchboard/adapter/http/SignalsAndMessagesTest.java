package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.model.ConnectionTicket;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignalsAndMessagesTest {
    private static final String SIGNALS = "/v1/sessions/session-0000000001/signals";

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    @Nested
    class Sending {

        @Test
        void relaysAsTheSignerWithThePayloadExactlyAsWritten() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of());

            HttpResponse<String> response = running.send("POST", SIGNALS,
                    "{\"to\":\"member-bob1\",\"type\":\"answer\",\"payload\": {\"sdp\" : \"v=0\", \"é\": [1e3]} }");

            assertThat(response.statusCode()).isEqualTo(201);
            verify(uses.sendSignal).send(UseCaseDoubles.ALICE, new SendSignal.Request(Fixtures.SESSION_ID,
                    Optional.of(Fixtures.BOB_MEMBER), new SignalType("answer"),
                    new SignalPayload("{\"sdp\" : \"v=0\", \"é\": [1e3]}")));
        }

        @Test
        void answersTheStoredSignalsWithTheirSequences() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of(
                    Fixtures.signalToAlice("app:chat", "\"hi\"").withSequence(12)));

            HttpResponse<String> response = running.send("POST", SIGNALS, "{\"type\":\"app:chat\",\"payload\":\"hi\"}");

            assertThat(response.body()).isEqualTo("{\"signals\":[{\"type\":\"signal\",\"sequence\":12,\"sessionId\":"
                    + "\"session-0000000001\",\"from\":\"member-bob1\",\"to\":\"member-alice\",\"signalType\":\"app:chat\","
                    + "\"payload\":\"hi\",\"at\":\"2026-01-02T03:04:12.000Z\"}]}");
        }

        @Test
        void sendsToEveryOtherMemberWhenNoRecipientIsNamed() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of());

            running.send("POST", SIGNALS, "{\"type\":\"bye\",\"payload\":{}}");

            verify(uses.sendSignal).send(UseCaseDoubles.ALICE, new SendSignal.Request(Fixtures.SESSION_ID,
                    Optional.empty(), new SignalType("bye"), new SignalPayload("{}")));
        }

        @Test
        void refusesAPayloadThatIsNotWellFormedJson() {
            HttpResponse<String> response = running.send("POST", SIGNALS, "{\"type\":\"offer\",\"payload\":[1,}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(RunningServer.json(response).path("detail").asText())
                    .startsWith("the request body is not valid JSON");
            verifyNoInteractions(uses.sendSignal);
        }

        @Test
        void refusesAMissingPayload() {
            HttpResponse<String> response = running.send("POST", SIGNALS, "{\"type\":\"offer\"}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("payload: is required");
        }

        @Test
        void refusesAnUnknownField() {
            HttpResponse<String> response = running.send("POST", SIGNALS,
                    "{\"type\":\"offer\",\"payload\":1,\"from\":\"member-bob1\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("unknown field 'from'");
        }

        @Test
        void refusesAnUnknownSignalType() {
            HttpResponse<String> response = running.send("POST", SIGNALS, "{\"type\":\"shout\",\"payload\":1}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).startsWith("type: must be one of offer");
        }

        @Test
        void refusesABodyThatIsNotUtf8() {
            HttpResponse<String> response = running.send(running.request(SIGNALS)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}))
                    .build());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("the request body is not valid UTF-8");
        }
    }

    @Nested
    class Fetching {

        @Test
        void answersTheMailboxAfterTheCursorWithEachKindOfMessage() {
            uses.mailbox.deliver(Fixtures.bobJoined(),
                    Fixtures.signalToAlice("offer", "{\"sdp\":\"v=0\"}"),
                    Fixtures.bobLeft(SessionMessage.LeaveReason.LEFT));

            HttpResponse<String> response = running.get("/v1/messages?after=1");

            assertThat(response.body()).isEqualTo("{\"messages\":["
                    + "{\"type\":\"signal\",\"sequence\":2,\"sessionId\":\"session-0000000001\",\"from\":\"member-bob1\","
                    + "\"to\":\"member-alice\",\"signalType\":\"offer\",\"payload\":{\"sdp\":\"v=0\"},"
                    + "\"at\":\"2026-01-02T03:04:12.000Z\"},"
                    + "{\"type\":\"peer-left\",\"sequence\":3,\"sessionId\":\"session-0000000001\",\"member\":\"member-bob1\","
                    + "\"reason\":\"left\",\"at\":\"2026-01-02T03:04:14.000Z\"}],\"cursor\":3}");
        }

        @Test
        void leavesOutTheReasonOfAJoin() {
            uses.mailbox.deliver(Fixtures.bobJoined());

            JsonNode joined = RunningServer.json(running.get("/v1/messages")).path("messages").get(0);

            assertThat(joined.toString()).isEqualTo("{\"type\":\"peer-joined\",\"sequence\":1,\"sessionId\":"
                    + "\"session-0000000001\",\"member\":\"member-bob1\",\"at\":\"2026-01-02T03:04:10.000Z\"}");
        }

        @Test
        void waitsForTheNextMessageWhenAskedTo() {
            CompletableFuture<HttpResponse<String>> response =
                    running.sendAsync(running.request("/v1/messages?after=0&wait=5").GET().build());
            await().atMost(Duration.ofSeconds(3)).until(() -> uses.watchEvents.openSubscriptions() == 1);

            uses.mailbox.deliver(Fixtures.bobJoined());

            JsonNode page = RunningServer.json(response.orTimeout(3, TimeUnit.SECONDS).join());
            assertThat(page.path("messages")).hasSize(1);
            assertThat(page.path("cursor").asLong()).isEqualTo(1);
            assertThat(uses.watchEvents.watchedCallers()).containsExactly(UseCaseDoubles.ALICE);
        }

        @Test
        void answersTheEmptyPageWhenTheWaitRunsOut() {
            JsonNode page = RunningServer.json(running.get("/v1/messages?after=4&wait=1"));

            assertThat(page.toString()).isEqualTo("{\"messages\":[],\"cursor\":4}");
        }

        @Test
        void refusesAWaitLongerThanTheServerAllows() {
            HttpResponse<String> response = running.get("/v1/messages?wait=6");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("wait: must be from 0 to 5 seconds");
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void deletesUpToTheSequenceAndSaysHowMany() {
            uses.mailbox.deliver(Fixtures.bobJoined(), Fixtures.bobLeft(SessionMessage.LeaveReason.LEFT),
                    Fixtures.bobJoined());

            HttpResponse<String> response = running.send("POST", "/v1/messages/ack", "{\"upTo\":2}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"acknowledged\":2}");
            assertThat(uses.mailbox.acknowledgedUpTo()).containsExactly(2L);
        }

        @Test
        void refusesANegativeSequence() {
            HttpResponse<String> response = running.send("POST", "/v1/messages/ack", "{\"upTo\":-1}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(uses.mailbox.acknowledgedUpTo()).isEmpty();
        }

        @Test
        void refusesAMissingSequence() {
            HttpResponse<String> response = running.send("POST", "/v1/messages/ack", "{}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("upTo: is required");
        }
    }

    @Test
    void issuesAConnectionTicketToTheSigner() {
        when(uses.issueConnectionTicket.issue(UseCaseDoubles.ALICE)).thenReturn(
                new ConnectionTicket("opaque-ticket", Fixtures.CREATED.plusSeconds(30)));

        HttpResponse<String> response = running.send(running.request("/v1/tickets")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"ticket\":\"opaque-ticket\",\"expiresAt\":\"2026-01-02T03:04:35.000Z\"}");
    }
}
