package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.model.EventPage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EdgeLimitsTest {
    private static final EdgeSettings EDGE = new EdgeSettings(List.of(), List.of(), Duration.ofDays(365), 20, 2048, 8,
            Duration.ofMillis(700), Duration.ofSeconds(2), Optional.empty());
    private final RunningServer running = RunningServer.start(RunningServer.settings().withEdge(EDGE));

    @AfterEach
    void stop() {
        running.close();
    }

    private void assertStillServing() {
        assertThat(running.get("/health").statusCode()).isEqualTo(200);
    }

    private String signedHead(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: test";
    }

    @Test
    void refusesJsonNestedDeeperThanTheConfiguredDepthNamingIt() {
        String deep = "[".repeat(8) + "]".repeat(8);

        HttpResponse<String> response = running.send("POST", "/v1/offers/offer-0001/candidates",
                "{\"candidates\":[{\"deep\":" + deep + "}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("malformed_request");
        assertThat(RunningServer.json(response).path("detail").asText()).contains("nesting depth at most 8 levels");
        assertStillServing();
    }

    @Test
    void refusesMoreHeaderFieldsThanAllowedWith431() {
        StringBuilder head = new StringBuilder(signedHead("GET", "/openapi.yaml"));
        for (int i = 0; i < 25; i++) {
            head.append("\r\nX-Filler-").append(i).append(": ").append(i);
        }

        RawHttp.Response refused = RawHttp.send(running.port(), head.toString());

        assertThat(refused.status()).isEqualTo(431);
        assertThat(refused.headers()).containsEntry("content-type", "application/problem+json")
                .containsEntry("x-content-type-options", "nosniff");
        assertThat(RunningServer.json(refused.body()).path("code").asText()).isEqualTo("request_headers_too_large");
        assertStillServing();
    }

    @Test
    void refusesMoreHeaderBytesThanAllowedWith431() {
        RawHttp.Response refused = RawHttp.send(running.port(),
                signedHead("GET", "/openapi.yaml") + "\r\nX-Big: " + "a".repeat(2100));

        assertThat(refused.status()).isEqualTo(431);
        assertThat(RunningServer.json(refused.body()).path("detail").asText()).contains("2048 bytes");
        assertStillServing();
    }

    @Test
    void cutsAHeadFarOverTheLimitWhileItArrives() {
        RawHttp.Response refused = RawHttp.send(running.port(),
                signedHead("GET", "/openapi.yaml") + "\r\nX-Huge: " + "a".repeat(64 * 1024));

        assertThat(refused.status()).isIn(400, 431);
        assertStillServing();
    }

    @Test
    void refusesAnOversizedChunkedBodyWhileItArrives() {
        byte[] body = ("{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"" + "v".repeat(4000) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        RawHttp.Response refused = RawHttp.send(running.port(), signedHead("POST", "/v1/offers")
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(body, 100));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.headers()).containsEntry("x-frame-options", "DENY");
        assertStillServing();
    }

    @Test
    void refusesMalformedUtf8() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"service\":\"chat".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.writeBytes(":1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}".getBytes(StandardCharsets.UTF_8));

        RawHttp.Response refused = RawHttp.send(running.port(), signedHead("POST", "/v1/offers")
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.size(), body.toByteArray());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(RunningServer.json(refused.body()).path("code").asText()).isEqualTo("malformed_request");
        assertStillServing();
    }

    @Test
    void answers503WhenARequestIsNotAnsweredInTimeAndDropsTheLateAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(running.doubles.publishOffers.publish(any(), any())).thenAnswer(invocation -> {
            release.await(5, TimeUnit.SECONDS);
            return List.of(Fixtures.offer("offer-0001"));
        });

        HttpResponse<String> response = running.send("POST", "/v1/offers",
                "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}");
        release.countDown();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("service_unavailable");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertStillServing();
    }

    @Test
    void answers503ToABodyThatTricklesInSlowerThanTheDeadline() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", running.port())) {
            socket.setSoTimeout(5000);
            var out = socket.getOutputStream();
            out.write(("POST /v1/offers HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"serv").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 503").contains("service_unavailable");
        }
        assertStillServing();
    }

    @Test
    void closesAConnectionThatTakesLongerThanTheHeaderReadTimeoutToSendItsHead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", running.port())) {
            socket.setSoTimeout(8000);
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: te".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();

            byte[] answer = socket.getInputStream().readAllBytes();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
        assertStillServing();
    }

    @Test
    void exemptsALongPollFromTheDeadline() {
        when(running.doubles.pollEvents.poll(any(), anyLong(), anyInt())).thenReturn(new EventPage(List.of(), 0));

        HttpResponse<String> response = running.get("/v1/events?wait=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("events")).isEmpty();
    }
}
