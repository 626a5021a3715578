package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SignedRequestTest {
    private final RunningServer running = RunningServer.start();

    @AfterEach
    void stop() {
        running.close();
    }

    private SignedRequest authenticated() {
        ArgumentCaptor<SignedRequest> captor = ArgumentCaptor.forClass(SignedRequest.class);
        verify(running.doubles.authenticateRequest).authenticate(captor.capture());
        return captor.getValue();
    }

    @Nested
    class WhenASignedRouteIsCalled {

        @Test
        void passesThePathStillPercentEncodedAndTheQueryAsSent() {
            when(running.doubles.listIceCandidates.list(any(), any(), anyLong()))
                    .thenReturn(List.of());

            RawHttp.Response response = RawHttp.send(running.port(),
                    "GET /v1/offers/offer%2D0001/candidates?after=%30 HTTP/1.1\r\nHost: signal.example:8443");

            assertThat(response.status()).isEqualTo(200);
            SignedRequest request = authenticated();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.scheme()).isEqualTo("http");
            assertThat(request.authority()).isEqualTo("signal.example:8443");
            assertThat(request.path()).isEqualTo("/v1/offers/offer%2D0001/candidates");
            assertThat(request.query()).hasValue("after=%30");
            assertThat(request.targetUri())
                    .isEqualTo("http://signal.example:8443/v1/offers/offer%2D0001/candidates?after=%30");
            verify(running.doubles.listIceCandidates).list(UseCaseDoubles.ALICE, Fixtures.OFFER_ID, 0);
        }

        @Test
        void passesAnAbsentQueryAsEmpty() {
            when(running.doubles.pollEvents.poll(any(), anyLong(), anyInt()))
                    .thenReturn(new EventPage(List.of(), 0));

            RawHttp.send(running.port(), "GET /v1/events HTTP/1.1\r\nHost: signal.example");

            assertThat(authenticated().query()).isEqualTo(Optional.empty());
        }

        @Test
        void takesThePathFromAnAbsoluteFormTargetAndTheAuthorityFromHost() {
            when(running.doubles.pollEvents.poll(any(), anyLong(), anyInt()))
                    .thenReturn(new EventPage(List.of(), 0));

            RawHttp.send(running.port(),
                    "GET http://signal.example/v1/events?after=0 HTTP/1.1\r\nHost: signal.example");

            SignedRequest request = authenticated();
            assertThat(request.path()).isEqualTo("/v1/events");
            assertThat(request.targetUri()).isEqualTo("http://signal.example/v1/events?after=0");
        }

        @Test
        void passesEveryHeaderWithLowerCasedNamesAndAllTheirValuesInOrder() {
            when(running.doubles.pollEvents.poll(any(), anyLong(), anyInt()))
                    .thenReturn(new EventPage(List.of(), 0));

            RawHttp.send(running.port(), "GET /v1/events HTTP/1.1\r\nHost: signal.example\r\n"
                    + "Signature-Input: sig1=(\"@method\");created=1\r\nX-Trace: first\r\nx-trace: second");

            SignedRequest request = authenticated();
            assertThat(request.headers()).containsKeys("host", "signature-input", "x-trace");
            assertThat(request.header("x-trace")).containsExactly("first", "second");
            assertThat(request.header("signature-input")).containsExactly("sig1=(\"@method\");created=1");
        }

        @Test
        void passesExactlyTheBodyBytesReceived() {
            byte[] body = "{ \"sdp\" :\t\"v=0 \u00fc\u20ac\" }\n".getBytes(StandardCharsets.UTF_8);
            when(running.doubles.answerOffer.answer(any(), any()))
                    .thenReturn(new AnswerOffer.Result(Fixtures.answered("offer-0001"), List.of()));

            RawHttp.Response response = RawHttp.send(running.port(), "POST /v1/offers/offer-0001/answer HTTP/1.1\r\n"
                    + "Host: signal.example\r\nContent-Type: application/json\r\nContent-Length: " + body.length, body);

            assertThat(response.status()).isEqualTo(201);
            assertThat(authenticated().body()).isEqualTo(body);
        }

        @Test
        void passesExactlyTheBytesOfAChunkedBody() {
            byte[] body = "{\"sdp\":\"v=0 chunked\"}".getBytes(StandardCharsets.UTF_8);
            when(running.doubles.answerOffer.answer(any(), any()))
                    .thenReturn(new AnswerOffer.Result(Fixtures.answered("offer-0001"), List.of()));

            RawHttp.send(running.port(), "POST /v1/offers/offer-0001/answer HTTP/1.1\r\nHost: signal.example\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(body, 5));

            assertThat(authenticated().body()).isEqualTo(body);
        }
    }

    @Nested
    class WhenTheSignatureIsRefused {

        @Test
        void answersUnauthorizedNamingWhatToSignAndRunsNothing() {
            when(running.doubles.authenticateRequest.authenticate(any())).thenThrow(new SignalingException(
                    ErrorCode.AUTHENTICATION_FAILED, "the signature does not verify", "unknown key id hk_x"));

            var response = running.send("POST", "/v1/offers", "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Accept-Signature")).hasValue(
                    "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created;nonce;keyid;alg");
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("authentication_failed");
            assertThat(response.body()).doesNotContain("unknown key id");
            verifyNoInteractions(running.doubles.publishOffers);
        }

        @Test
        void authenticatesBeforeLookingAtTheBody() {
            when(running.doubles.authenticateRequest.authenticate(any()))
                    .thenThrow(new SignalingException(ErrorCode.SIGNATURE_MISSING, "sign the request"));

            var response = running.send("POST", "/v1/offers", "{not json");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("signature_missing");
        }
    }

    @Nested
    class WhenTheRouteIsOpen {

        @Test
        void neverAsksForASignature() {
            when(running.doubles.discoverOffers.get(Fixtures.OFFER_ID)).thenReturn(Fixtures.offer("offer-0001"));

            assertThat(running.get("/v1/offers/offer-0001").statusCode()).isEqualTo(200);
            verifyNoInteractions(running.doubles.authenticateRequest);
        }
    }
}
