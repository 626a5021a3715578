package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.model.InviteCode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SessionEndpointsTest {
    private static final String TOKEN = "djEuc2Vzc2lvbi0wMDAwMDAwMDAx.c2lnbmF0dXJl";
    private static final String SESSION_JSON = "{\"id\":\"session-0000000001\",\"capacity\":2,"
            + "\"createdAt\":\"2026-01-02T03:04:05.000Z\",\"expiresAt\":\"2026-01-02T03:09:05.000Z\",\"closed\":false,"
            + "\"members\":[{\"id\":\"member-alice\",\"host\":true,\"joinedAt\":\"2026-01-02T03:04:05.000Z\"},"
            + "{\"id\":\"member-bob1\",\"host\":false,\"joinedAt\":\"2026-01-02T03:04:10.000Z\"}]}";

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    @Nested
    class Opening {

        private HttpResponse<String> open(RunningServer server, String body) {
            when(server.doubles.openSession.open(any(), any())).thenReturn(
                    new OpenSession.Opened(Fixtures.session(), Fixtures.ALICE_MEMBER, TOKEN));
            return server.send("POST", "/v1/sessions", body);
        }

        @Test
        void opensAsTheSignerWithTheAskedCapacityAndLife() {
            HttpResponse<String> response = open(running, "{\"capacity\":3,\"ttlSeconds\":120}");

            assertThat(response.statusCode()).isEqualTo(201);
            verify(uses.openSession).open(UseCaseDoubles.ALICE,
                    new OpenSession.Request(OptionalInt.of(3), Optional.of(Duration.ofSeconds(120))));
        }

        @Test
        void leavesCapacityAndLifeToTheServerWhenTheBodyIsEmpty() {
            open(running, "{}");

            verify(uses.openSession).open(UseCaseDoubles.ALICE, new OpenSession.Request(OptionalInt.empty(),
                    Optional.empty()));
        }

        @Test
        void answersTheSessionTheHostsMemberIdAndBothWaysToInvite() {
            HttpResponse<String> response = open(running, "{}");

            assertThat(response.body()).isEqualTo("{\"session\":" + SESSION_JSON + ",\"memberId\":\"member-alice\","
                    + "\"inviteCode\":\"K7M2Q9XA\",\"inviteToken\":\"" + TOKEN + "\",\"joinUri\":\"http://127.0.0.1:"
                    + running.port() + "/join?token=" + TOKEN + "\"}");
        }

        @Test
        void buildsTheJoinLinkOnTheConfiguredPublicUrl() {
            try (RunningServer behindAProxy = RunningServer.start(RunningServer.settings()
                    .withPublicBaseUrl(URI.create("https://pair.example.com/app/")))) {
                JsonNode opened = RunningServer.json(open(behindAProxy, "{}"));

                assertThat(opened.path("joinUri").asText()).isEqualTo("https://pair.example.com/app/join?token=" + TOKEN);
            }
        }

        @Test
        void refusesALifeThatIsNotPositive() {
            HttpResponse<String> response = running.send("POST", "/v1/sessions", "{\"ttlSeconds\":0}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText())
                    .isEqualTo("ttlSeconds: must be a positive number of seconds");
            verifyNoInteractions(uses.openSession);
        }

        @Test
        void answersAQuotaThatIsUsedUpWith429() {
            when(uses.openSession.open(any(), any())).thenThrow(new SignalingException(ErrorCode.LIMIT_REACHED,
                    "you already host 16 open sessions; close one first"));

            HttpResponse<String> response = running.send("POST", "/v1/sessions", "{}");

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("limit_reached");
        }
    }

    @Nested
    class Joining {

        private HttpResponse<String> join(String body) {
            when(uses.joinSession.join(any(), any())).thenReturn(
                    new JoinSession.Joined(Fixtures.session(), Fixtures.BOB_MEMBER));
            return running.send("POST", "/v1/sessions/join", body);
        }

        @Test
        void joinsByCodeFromTheSocketsAddress() {
            HttpResponse<String> response = join("{\"code\":\"k7m2q9xa\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"session\":" + SESSION_JSON + ",\"memberId\":\"member-bob1\"}");
            verify(uses.joinSession).join(UseCaseDoubles.ALICE, new JoinSession.Request(
                    Optional.of(new InviteCode("K7M2Q9XA")), Optional.empty(), "127.0.0.1"));
        }

        @Test
        void joinsByToken() {
            join("{\"token\":\"" + TOKEN + "\"}");

            ArgumentCaptor<JoinSession.Request> request = ArgumentCaptor.forClass(JoinSession.Request.class);
            verify(uses.joinSession).join(any(), request.capture());
            assertThat(request.getValue().token()).contains(TOKEN);
            assertThat(request.getValue().code()).isEmpty();
        }

        @Test
        void refusesBothACodeAndAToken() {
            HttpResponse<String> response = join("{\"code\":\"K7M2Q9XA\",\"token\":\"" + TOKEN + "\"}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText())
                    .isEqualTo("code: give exactly one of code and token");
        }

        @Test
        void refusesACodeWithLookAlikeCharacters() {
            HttpResponse<String> response = join("{\"code\":\"K7M2Q9X0\"}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).startsWith("code: must be 8 characters");
        }

        @Test
        void answersEachReasonNotToJoinWithItsOwnStatus() {
            assertJoinRefused(ErrorCode.SESSION_FULL, 409);
            assertJoinRefused(ErrorCode.SESSION_EXPIRED, 410);
            assertJoinRefused(ErrorCode.SESSION_NOT_FOUND, 404);
            assertJoinRefused(ErrorCode.INVITE_INVALID, 400);
            assertJoinRefused(ErrorCode.RATE_LIMITED, 429);
        }

        private void assertJoinRefused(ErrorCode code, int status) {
            doThrow(new SignalingException(code, "refused")).when(uses.joinSession).join(any(), any());

            HttpResponse<String> response = running.send("POST", "/v1/sessions/join", "{\"code\":\"K7M2Q9XA\"}");

            assertThat(response.statusCode()).as(code.wireName()).isEqualTo(status);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo(code.wireName());
        }
    }

    @Nested
    class AsAMember {

        @Test
        void readsTheSessionWithoutAnyMembersKey() {
            when(uses.getSession.get(UseCaseDoubles.ALICE, Fixtures.SESSION_ID)).thenReturn(Fixtures.session());

            HttpResponse<String> response = running.get("/v1/sessions/session-0000000001");

            assertThat(response.body()).isEqualTo(SESSION_JSON).doesNotContain(Fixtures.BOB_KEY);
        }

        @Test
        void leavesWith204() {
            HttpResponse<String> response = running.send(running.request("/v1/sessions/session-0000000001/leave")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(204);
            verify(uses.leaveSession).leave(UseCaseDoubles.ALICE, Fixtures.SESSION_ID);
        }

        @Test
        void closesItAsTheHostWith204() {
            HttpResponse<String> response = running.delete("/v1/sessions/session-0000000001");

            assertThat(response.statusCode()).isEqualTo(204);
            verify(uses.closeSession).close(UseCaseDoubles.ALICE, Fixtures.SESSION_ID);
        }

        @Test
        void answersAGuestThatTriesToCloseWith403() {
            doThrow(new SignalingException(ErrorCode.NOT_SESSION_HOST, "only the host"))
                    .when(uses.closeSession).close(any(), any());

            HttpResponse<String> response = running.delete("/v1/sessions/session-0000000001");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("not_session_host");
        }

        @Test
        void refusesASessionIdThatCannotBeOne() {
            HttpResponse<String> response = running.get("/v1/sessions/short");

            assertThat(response.statusCode()).isEqualTo(422);
            verifyNoInteractions(uses.getSession);
        }
    }
}
