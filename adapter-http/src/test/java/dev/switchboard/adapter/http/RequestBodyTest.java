package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.PublishOffers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

class RequestBodyTest {
    private static final String VALID = "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}";

    private final RunningServer running = RunningServer.start();

    @AfterEach
    void stop() {
        running.close();
    }

    private HttpResponse<String> publish(String body) {
        return running.send("POST", "/v1/offers", body);
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return RunningServer.json(response);
    }

    private void assertNothingPublished() {
        verifyNoInteractions(running.doubles.publishOffers);
    }

    @Nested
    class WhenTheJsonIsMalformed {

        @Test
        void refusesBrokenSyntaxNamingWhere() {
            HttpResponse<String> response = publish("{\"service\": \"chat:1.0\",");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode problem = problem(response);
            assertThat(problem.path("code").asText()).isEqualTo("malformed_request");
            assertThat(problem.path("detail").asText()).contains("not valid JSON", "line 1").doesNotContain("Source");
            assertNothingPublished();
        }

        @Test
        void refusesAnUnknownFieldNamingIt() {
            HttpResponse<String> response = publish(
                    "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\",\"sdpType\":\"offer\"}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("detail").asText()).isEqualTo("unknown field 'offers[0].sdpType'");
            assertNothingPublished();
        }

        @Test
        void refusesADuplicateField() {
            HttpResponse<String> response = publish(
                    "{\"service\":\"chat:1.0\",\"service\":\"evil:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("detail").asText()).contains("service");
            assertNothingPublished();
        }

        @Test
        void refusesADuplicateFieldDeepInsideACandidate() {
            HttpResponse<String> response = running.send("POST", "/v1/offers/offer-0001/candidates",
                    "{\"candidates\":[{\"a\":1,\"a\":2}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            verifyNoInteractions(running.doubles.addIceCandidates);
        }

        @Test
        void refusesNestingDeeperThanThirtyTwoLevels() {
            String deep = "[".repeat(32) + "]".repeat(32);
            HttpResponse<String> response = running.send("POST", "/v1/offers/offer-0001/candidates",
                    "{\"candidates\":[{\"deep\":" + deep + "}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("detail").asText()).contains("nesting depth at most 32 levels");
            verifyNoInteractions(running.doubles.addIceCandidates);
        }

        @Test
        void refusesAnOverlongNumber() {
            HttpResponse<String> response = publish(
                    "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}],\"ttlSeconds\":" + "9".repeat(40) + "}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertNothingPublished();
        }

        @Test
        void refusesANumberBeyondTheRangeOfItsField() {
            HttpResponse<String> response = publish(
                    "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}],\"ttlSeconds\":" + "9".repeat(20) + "}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("detail").asText()).isEqualTo("ttlSeconds: number out of range");
        }

        @Test
        void refusesAValueOfTheWrongTypeNamingTheTypeExpectedInJsonTerms() {
            HttpResponse<String> response = publish(
                    "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}],\"ttlSeconds\":\"300\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("detail").asText()).isEqualTo("ttlSeconds: expected a number");
        }

        @Test
        void refusesANumberWhereAStringBelongs() {
            HttpResponse<String> response = publish("{\"service\":10,\"offers\":[{\"sdp\":\"v=0\"}]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("detail").asText()).isEqualTo("service: expected a string");
        }

        @Test
        void refusesAFractionWhereAWholeNumberBelongs() {
            HttpResponse<String> response = publish(
                    "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}],\"ttlSeconds\":1.5}");

            assertThat(response.statusCode()).isEqualTo(400);
        }

        @Test
        void refusesContentAfterTheObject() {
            HttpResponse<String> response = publish(VALID + " {}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertNothingPublished();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "null", "[]", "\"text\""})
        void refusesABodyThatIsNotAnObject(String body) {
            HttpResponse<String> response = publish(body);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("code").asText()).isEqualTo("malformed_request");
            assertNothingPublished();
        }

        @Test
        void neverNamesAJavaTypeInTheDetail() {
            HttpResponse<String> response = publish("{\"service\":\"chat:1.0\",\"offers\":{\"sdp\":\"v=0\"}}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problem(response).path("detail").asText())
                    .isEqualTo("offers: expected an array")
                    .doesNotContain("java", "dev.switchboard", "Json");
        }
    }

    @Nested
    class WhenAFieldBreaksARule {

        @Test
        void answersValidationFailedNamingTheField() {
            HttpResponse<String> response = publish("{\"service\":\"Not A Service\",\"offers\":[{\"sdp\":\"v=0\"}]}");

            assertThat(response.statusCode()).isEqualTo(422);
            JsonNode problem = problem(response);
            assertThat(problem.path("code").asText()).isEqualTo("validation_failed");
            assertThat(problem.path("detail").asText()).startsWith("service: must be name:version");
            assertNothingPublished();
        }

        @Test
        void answersValidationFailedForAMissingRequiredField() {
            HttpResponse<String> response = publish("{\"service\":\"chat:1.0\"}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(problem(response).path("detail").asText()).isEqualTo("offers: is required");
        }
    }

    @Nested
    class WhenTheBodyIsTooLarge {

        @Test
        void refusesADeclaredLengthOverTheLimitBeforeReadingAnything() {
            RawHttp.Response response = RawHttp.send(running.port(), "POST /v1/offers HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (RunningServer.BODY_LIMIT + 1));

            assertThat(response.status()).isEqualTo(413);
            assertThat(RunningServer.json(response.body()).path("code").asText()).isEqualTo("payload_too_large");
            verifyNoInteractions(running.doubles.authenticateRequest);
            assertNothingPublished();
        }

        @Test
        void refusesAChunkedBodyOnceMoreThanTheLimitArrives() {
            byte[] body = padded(4 * RunningServer.BODY_LIMIT);

            RawHttp.Response response = RawHttp.send(running.port(), "POST /v1/offers HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(body, 256));

            assertThat(response.status()).isEqualTo(413);
            assertThat(RunningServer.json(response.body()).path("code").asText()).isEqualTo("payload_too_large");
            verifyNoInteractions(running.doubles.authenticateRequest);
            assertNothingPublished();
        }

        @Test
        void acceptsABodyOfExactlyTheLimit() {
            when(running.doubles.publishOffers.publish(any(), any())).thenReturn(List.of(Fixtures.offer("offer-0001")));
            byte[] body = padded(RunningServer.BODY_LIMIT);

            RawHttp.Response response = RawHttp.send(running.port(), "POST /v1/offers HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(body, 100));

            assertThat(response.status()).isEqualTo(201);
            ArgumentCaptor<PublishOffers.Request> request = ArgumentCaptor.forClass(PublishOffers.Request.class);
            verify(running.doubles.publishOffers).publish(any(), request.capture());
            assertThat(request.getValue().offers()).hasSize(1);
        }

        /** A valid publish body padded with spaces to exactly {@code size} bytes. */
        private byte[] padded(long size) {
            return (VALID + " ".repeat((int) size - VALID.length())).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Nested
    class WhenTheClientExpectsContinue {

        @Test
        void invitesTheBodyOnceTheHeadPassesItsChecks() throws IOException {
            when(running.doubles.publishOffers.publish(any(), any())).thenReturn(List.of());
            try (Socket socket = new Socket("127.0.0.1", running.port())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("POST /v1/offers HTTP/1.1\r\nHost: test\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + VALID.length() + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));

                assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
                assertThat(in.readLine()).isEmpty();
                socket.getOutputStream().write(VALID.getBytes(StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 201 Created");
            }
        }

        @Test
        void refusesAnOversizedBodyWithoutInvitingIt() {
            RawHttp.Response response = RawHttp.send(running.port(), "POST /v1/offers HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 5000000");

            assertThat(response.status()).isEqualTo(413);
        }
    }

    @Nested
    class WhenTheMediaTypeIsWrong {

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json-patch+json",
            "application/json; charset=iso-8859-1"})
        void refusesTheBodyAsUnsupported(String contentType) {
            HttpResponse<String> response = running.send("POST", "/v1/offers", contentType, VALID);

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(problem(response).path("code").asText()).isEqualTo("unsupported_media_type");
            assertNothingPublished();
        }

        @Test
        void refusesABodyWithoutAContentType() {
            RawHttp.Response response = RawHttp.send(running.port(), "POST /v1/offers HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Length: " + VALID.length(), VALID.getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).isEqualTo(415);
            assertNothingPublished();
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\""})
        void acceptsJsonWithOrWithoutAUtf8Charset(String contentType) {
            when(running.doubles.publishOffers.publish(any(), any())).thenReturn(List.of());

            assertThat(running.send("POST", "/v1/offers", contentType, VALID).statusCode()).isEqualTo(201);
        }
    }
}
