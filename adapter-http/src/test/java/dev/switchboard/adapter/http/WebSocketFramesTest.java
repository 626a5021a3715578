package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class WebSocketFramesTest {
    private static final String OFFER_FRAME = "{\"type\":\"signal\",\"ref\":\"r1\",\"sessionId\":\"session-0000000001\","
            + "\"to\":\"member-bob1\",\"signalType\":\"offer\",\"payload\":{\"sdp\": \"v=0\"}}";

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;
    private SocketClient client;

    @BeforeEach
    void connect() {
        client = SocketClient.connect(running, "");
        assertThat(client.next().path("type").asText()).isEqualTo("welcome");
    }

    @AfterEach
    void stop() {
        client.close();
        running.close();
    }

    private static SessionMessage.Signal stored(long sequence) {
        return Fixtures.signalToAlice("offer", "{}").withSequence(sequence);
    }

    @Nested
    class Signals {

        @Test
        void relaysASignalAsTheOwnerWithThePayloadAsWrittenAndAnswersSent() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of(stored(42)));

            client.send(OFFER_FRAME);

            assertThat(client.next().toString()).isEqualTo("{\"type\":\"sent\",\"ref\":\"r1\",\"sequences\":[42]}");
            verify(uses.sendSignal).send(UseCaseDoubles.ALICE, new SendSignal.Request(Fixtures.SESSION_ID,
                    Optional.of(Fixtures.BOB_MEMBER), new SignalType("offer"), new SignalPayload("{\"sdp\": \"v=0\"}")));
        }

        @Test
        void sendsToEveryOtherMemberWhenNoRecipientIsNamed() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of(stored(7), stored(8)));

            client.send("{\"type\":\"signal\",\"sessionId\":\"session-0000000001\",\"signalType\":\"bye\",\"payload\":null}");

            assertThat(client.next().toString()).isEqualTo("{\"type\":\"sent\",\"sequences\":[7,8]}");
            verify(uses.sendSignal).send(eq(UseCaseDoubles.ALICE), eq(new SendSignal.Request(Fixtures.SESSION_ID,
                    Optional.empty(), new SignalType("bye"), new SignalPayload("null"))));
        }

        @Test
        void carriesOutFramesInTheOrderTheyCameAndAnswersEachInTurn() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of(stored(1)));
            int count = 3 * SocketRounds.FRAMES_PER_ROUND;

            for (int i = 0; i < count; i++) {
                client.send("{\"type\":\"signal\",\"ref\":\"" + i + "\",\"sessionId\":\"session-0000000001\","
                        + "\"signalType\":\"app:n\",\"payload\":" + i + "}");
            }

            List<String> refs = client.next(count).stream().map(frame -> frame.path("ref").asText()).toList();
            assertThat(refs).containsExactlyElementsOf(IntStream.range(0, count).mapToObj(String::valueOf).toList());
            ArgumentCaptor<SendSignal.Request> sent = ArgumentCaptor.forClass(SendSignal.Request.class);
            verify(uses.sendSignal, times(count)).send(eq(UseCaseDoubles.ALICE), sent.capture());
            assertThat(sent.getAllValues()).extracting(request -> request.payload().json())
                    .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(String::valueOf).toList());
        }

        @Test
        void addressesEverySignalAsWrittenWhenTheClientChangesSessionRecipientOrType() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of(stored(1)));
            String[] frames = {
                signal("session-0000000001", "member-bob1", "offer", "1"),
                signal("session-0000000001", "member-bob1", "offer", "2"),
                signal("session-0000000001", "member-carol", "offer", "3"),
                signal("session-0000000001", null, "offer", "4"),
                signal("session-0000000002", null, "offer", "5"),
                signal("session-0000000002", null, "answer", "6"),
                signal("session-0000000002", null, "answer", "7")};

            for (String frame : frames) {
                client.send(frame);
            }

            client.next(frames.length);
            ArgumentCaptor<SendSignal.Request> sent = ArgumentCaptor.forClass(SendSignal.Request.class);
            verify(uses.sendSignal, times(frames.length)).send(eq(UseCaseDoubles.ALICE), sent.capture());
            assertThat(sent.getAllValues()).extracting(request -> request.sessionId().value() + " "
                    + request.to().map(to -> to.value()).orElse("all") + " " + request.type().value() + " "
                    + request.payload().json())
                    .containsExactly(
                            "session-0000000001 member-bob1 offer 1",
                            "session-0000000001 member-bob1 offer 2",
                            "session-0000000001 member-carol offer 3",
                            "session-0000000001 all offer 4",
                            "session-0000000002 all offer 5",
                            "session-0000000002 all answer 6",
                            "session-0000000002 all answer 7");
        }

        @Test
        void refusesASignalWithoutPayloadAfterOneToTheSamePlace() {
            when(uses.sendSignal.send(any(), any())).thenReturn(List.of(stored(1)));
            client.send(signal("session-0000000001", "member-bob1", "offer", "1"));
            client.next();

            client.send("{\"type\":\"signal\",\"ref\":\"r3\",\"sessionId\":\"session-0000000001\","
                    + "\"to\":\"member-bob1\",\"signalType\":\"offer\"}");

            JsonNode refused = client.next();
            assertThat(refused.path("code").asText()).isEqualTo("validation_failed");
            assertThat(refused.path("detail").asText()).isEqualTo("payload: is required");
            verify(uses.sendSignal, times(1)).send(any(), any());
        }

        private static String signal(String sessionId, String to, String type, String payload) {
            return "{\"type\":\"signal\",\"sessionId\":\"" + sessionId + "\","
                    + (to == null ? "" : "\"to\":\"" + to + "\",") + "\"signalType\":\"" + type + "\",\"payload\":"
                    + payload + "}";
        }

        @Test
        void answersARefusedSignalWithAnErrorAndStaysOpen() {
            when(uses.sendSignal.send(any(), any()))
                    .thenThrow(new SignalingException(ErrorCode.NOT_A_MEMBER, "you are not a member of session x"))
                    .thenReturn(List.of(stored(9)));

            client.send(OFFER_FRAME);
            JsonNode refused = client.next();
            client.send(OFFER_FRAME);

            assertThat(refused.toString()).isEqualTo("{\"type\":\"error\",\"ref\":\"r1\",\"code\":\"not_a_member\","
                    + "\"detail\":\"you are not a member of session x\"}");
            assertThat(client.next().path("type").asText()).isEqualTo("sent");
        }

        @Test
        void refusesAnUnknownSignalTypeNamingTheField() {
            client.send("{\"type\":\"signal\",\"ref\":\"r2\",\"sessionId\":\"session-0000000001\","
                    + "\"signalType\":\"shout\",\"payload\":1}");

            JsonNode refused = client.next();
            assertThat(refused.path("code").asText()).isEqualTo("validation_failed");
            assertThat(refused.path("ref").asText()).isEqualTo("r2");
            assertThat(refused.path("detail").asText()).startsWith("signalType: must be one of offer");
            verify(uses.sendSignal, never()).send(any(), any());
        }

        @Test
        void refusesAPayloadThatIsNotWellFormedJson() {
            client.send("{\"type\":\"signal\",\"sessionId\":\"session-0000000001\",\"signalType\":\"offer\","
                    + "\"payload\":{\"sdp\":}}");

            assertThat(client.next().path("code").asText()).isEqualTo("malformed_request");
            verify(uses.sendSignal, never()).send(any(), any());
        }
    }

    @Test
    void acknowledgesUpToTheGivenSequence() {
        client.send("{\"type\":\"ack\",\"upTo\":5}");

        await().atMost(Duration.ofSeconds(3)).until(() -> uses.mailbox.acknowledgedUpTo().equals(List.of(5L)));
        client.expectSilence(Duration.ofMillis(200));
    }

    @Nested
    class MalformedFrames {

        @Test
        void closesWith1007AMessageThatIsNotUtf8() {
            try (RawWebSocket raw = RawWebSocket.open(running.port(), "ticket=" + UseCaseDoubles.ALICE_TICKET)) {
                assertThat(raw.read().opcode()).isEqualTo(RawWebSocket.Frame.TEXT);
                raw.sendText(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});

                RawWebSocket.Frame close = raw.readUntilClose();

                assertThat(close.closeCode()).isEqualTo(1007);
                assertThat(close.closeReason()).isEqualTo("text must be UTF-8");
            }
            client.send("hello");
            assertThat(client.next().path("code").asText()).as("the other socket carries on")
                    .isEqualTo("malformed_request");
        }

        @Test
        void takesAReplacementCharacterTheClientSentOnPurposeAsText() {
            try (RawWebSocket raw = RawWebSocket.open(running.port(), "ticket=" + UseCaseDoubles.ALICE_TICKET)) {
                assertThat(raw.read().opcode()).isEqualTo(RawWebSocket.Frame.TEXT);
                raw.sendText("\uFFFD".getBytes(java.nio.charset.StandardCharsets.UTF_8));

                RawWebSocket.Frame answer = raw.read();

                assertThat(answer.opcode()).as("an error frame for text that is not JSON, not a close")
                        .isEqualTo(RawWebSocket.Frame.TEXT);
                assertThat(new String(answer.payload(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("malformed_request");
            }
        }

        @Test
        void answersTextThatIsNotJsonWithAnError() {
            client.send("hello");

            JsonNode refused = client.next();
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("malformed_request");
            assertThat(refused.path("detail").asText()).startsWith("the frame is not valid JSON");
            assertThat(refused.has("ref")).isFalse();
        }

        @Test
        void answersAnUnknownFrameTypeWithAnErrorCarryingItsRef() {
            client.send("{\"type\":\"subscribe\",\"ref\":\"r9\"}");

            JsonNode refused = client.next();
            assertThat(refused.path("code").asText()).isEqualTo("malformed_request");
            assertThat(refused.path("ref").asText()).isEqualTo("r9");
            assertThat(refused.path("detail").asText()).contains("'subscribe' is not a frame type");
        }

        @Test
        void answersAnUnknownFieldWithAnError() {
            client.send("{\"type\":\"ack\",\"upTo\":1,\"from\":\"member-bob1\"}");

            assertThat(client.next().path("detail").asText()).isEqualTo("unknown field 'from'");
            assertThat(uses.mailbox.acknowledgedUpTo()).isEmpty();
        }

        @Test
        void closesTheSocketWith1008AfterTooManyOfThem() {
            int allowed = RunningServer.webSocketSettings().maxMalformedFrames();
            for (int i = 0; i < allowed; i++) {
                client.send("not json " + i);
            }

            assertThat(client.next(allowed)).allSatisfy(frame -> assertThat(frame.path("type").asText()).isEqualTo("error"));
            assertThat(client.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "too many malformed frames"));
        }
    }

    @Test
    void closesAFrameLargerThanTheLimitWith1009() {
        client.send("{\"type\":\"ack\",\"upTo\":1,\"pad\":\"" + "x".repeat(RunningServer.webSocketSettings().maxFrameBytes())
                + "\"}");

        SocketClient.Closed closed = client.awaitClose();
        assertThat(closed.code()).isEqualTo(1009);
        assertThat(closed.reason()).endsWith("max message size of 4096");
        assertThat(uses.mailbox.acknowledgedUpTo()).isEmpty();
    }
}
