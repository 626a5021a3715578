package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

class EdgeHeadersTest {
    static final String APP = "https://app.example.com";
    private final RunningServer running = RunningServer.start(RunningServer.settings()
            .withEdge(EdgeSettings.defaults().withAllowedOrigins(List.of(APP))));

    @AfterEach
    void stop() {
        running.close();
    }

    static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
        assertThat(headers.firstValue("X-Request-Id")).isPresent();
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Nested
    class SecurityHeaders {

        @Test
        void areOnASuccess() {
            assertSecurityHeaders(running.get("/openapi.yaml").headers());
        }

        @Test
        void areOnANotFound() {
            HttpResponse<String> response = running.get("/no/such/thing");

            assertThat(response.statusCode()).isEqualTo(404);
            assertSecurityHeaders(response.headers());
        }

        @Test
        void areOnAnAuthenticationFailure() {
            when(running.doubles.authenticateRequest.authenticate(any()))
                    .thenThrow(new SignalingException(ErrorCode.SIGNATURE_MISSING, "sign the request"));

            HttpResponse<String> response = running.delete("/v1/offers/offer-0001");

            assertThat(response.statusCode()).isEqualTo(401);
            assertSecurityHeaders(response.headers());
        }

        @Test
        void areOnABodyTooLarge() {
            HttpResponse<String> response = running.send("POST", "/v1/offers", "x".repeat(2000));

            assertThat(response.statusCode()).isEqualTo(413);
            assertSecurityHeaders(response.headers());
        }

        @Test
        void areOnAWebSocketRefusal() {
            RawHttp.Response refused = RawHttp.send(running.port(), "GET /v1/ws?ticket=nope HTTP/1.1\r\nHost: test\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers()).containsEntry("x-frame-options", "DENY")
                    .containsEntry("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Nested
    class Cors {

        @Test
        void echoesAnAllowedOriginAndVariesOnIt() {
            HttpResponse<String> response = running.send(running.request("/openapi.yaml").header("Origin", APP).GET()
                    .build());

            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
            assertThat(response.headers().allValues("Vary")).contains("Origin");
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                    .contains("RateLimit", "X-Request-Id", "Retry-After");
        }

        @Test
        void grantsNothingToAnotherOrigin() {
            HttpResponse<String> response = running.send(running.request("/openapi.yaml")
                    .header("Origin", "https://evil.example").GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void answersAPreflightFromAnAllowedOriginWithTheSignatureHeaders() {
            HttpResponse<String> response = running.send(preflight(APP));

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, PUT, DELETE");
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains(
                    "Signature", "Signature-Input", "Content-Digest", "Authorization", "Content-Type", "X-Request-Id");
            assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
            assertSecurityHeaders(response.headers());
        }

        @Test
        void refusesAPreflightFromAnotherOrigin() {
            HttpResponse<String> response = running.send(preflight("https://evil.example"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("origin_not_allowed");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(running.get("/health").statusCode()).isEqualTo(200);
        }

        private HttpRequest preflight(String origin) {
            return running.request("/v1/offers").header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "signature, signature-input, content-digest")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
        }

        @Test
        void refusesAWebSocketFromAPageOfAnotherOriginBeforeSpendingTheTicket() {
            RawHttp.Response refused = RawHttp.send(running.port(), handshake("Origin: https://evil.example\r\n"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(RunningServer.json(refused.body()).path("code").asText()).isEqualTo("origin_not_allowed");
            org.mockito.Mockito.verifyNoInteractions(running.doubles.redeemConnectionTicket);
        }

        @Test
        void opensAWebSocketFromAPageOfTheServersOwnOriginThoughItIsNotListed() {
            String ownOrigin = "http://127.0.0.1:" + running.port();
            WebSocket sameOrigin = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", ownOrigin)
                    .buildAsync(URI.create("ws://127.0.0.1:" + running.port() + "/v1/ws?ticket="
                            + UseCaseDoubles.ALICE_TICKET), new WebSocket.Listener() { })
                    .orTimeout(5, TimeUnit.SECONDS).join();
            sameOrigin.abort();
            RawHttp.Response otherPort = RawHttp.send(running.port(), handshake("Origin: http://test:8443\r\n"));

            assertThat(otherPort.status()).as("another origin on the same host").isEqualTo(403);
        }

        @Test
        void opensAWebSocketFromAnAllowedPageOrFromAClientThatIsNoBrowser() {
            WebSocket fromApp = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", APP)
                    .buildAsync(URI.create("ws://127.0.0.1:" + running.port() + "/v1/ws?ticket="
                            + UseCaseDoubles.ALICE_TICKET), new WebSocket.Listener() { })
                    .orTimeout(5, TimeUnit.SECONDS).join();
            fromApp.abort();
            try (SocketClient noBrowser = SocketClient.connect(running, "")) {
                assertThat(noBrowser.next().path("type").asText()).isEqualTo("welcome");
            }
        }

        private String handshake(String extra) {
            return "GET /v1/ws?ticket=" + UseCaseDoubles.ALICE_TICKET + " HTTP/1.1\r\nHost: test\r\n" + extra
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";
        }
    }

    @Nested
    class RequestIds {

        @Test
        void echoesAValidIdTheClientSent() {
            HttpResponse<String> response = running.send(running.request("/openapi.yaml")
                    .header("X-Request-Id", "trace-42:a.b_c").GET().build());

            assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-42:a.b_c");
        }

        @ParameterizedTest
        @ValueSource(strings = {"has space", "semi;colon", "ü"})
        void replacesAnInvalidIdWithAFreshUuid(String sent) {
            HttpResponse<String> response = running.send(running.request("/openapi.yaml")
                    .header("X-Request-Id", sent).GET().build());

            assertThat(response.headers().firstValue("X-Request-Id").orElseThrow())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }

        @Test
        void replacesAnOverlongId() {
            HttpResponse<String> response = running.send(running.request("/openapi.yaml")
                    .header("X-Request-Id", "a".repeat(129)).GET().build());

            assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).hasSize(36);
        }

        @Test
        void tagsTheLogLinesOfTheRequestIncludingErrorsAndLeavesTheWorkerClean() throws Exception {
            org.mockito.Mockito.doThrow(new IllegalStateException("boom"))
                    .when(running.doubles.deleteOffer).delete(any(), any());
            List<ILoggingEvent> events;
            try (CapturedLogs logs = CapturedLogs.of(Failures.class)) {
                HttpResponse<String> response = running.send(running.request("/v1/offers/offer-0001")
                        .header("X-Request-Id", "req-1").DELETE().build());
                assertThat(response.statusCode()).isEqualTo(500);
                events = logs.events();
            }

            assertThat(events).singleElement().satisfies(event ->
                    assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-1"));
            assertThat(MDC.get("requestId")).isNull();
            // The next request on the same worker carries its own id, not the last one's.
            try (CapturedLogs logs = CapturedLogs.of(Failures.class)) {
                running.send(running.request("/v1/offers/offer-0001").header("X-Request-Id", "req-2").DELETE().build());
                assertThat(logs.events()).extracting(event -> event.getMDCPropertyMap().get("requestId"))
                        .containsOnly("req-2");
            }
        }
    }
}
