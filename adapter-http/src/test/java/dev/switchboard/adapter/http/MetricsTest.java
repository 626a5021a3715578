package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.model.Statistics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger statisticsRead = new AtomicInteger();
    private final RunningServer running = RunningServer.start(RunningServer.settings(), builder -> builder
            .operations(new OperationsUseCases(new FakeLimiter(), () -> {
                statisticsRead.incrementAndGet();
                return new Statistics(11, 12, 13, 14, 15, 16, 17, 18);
            }))
            .metrics(registry, () -> scrape(registry)));

    @AfterEach
    void stop() {
        running.close();
    }

    /** A stand-in for the Prometheus registry's scrape: one line per measurement. */
    private static String scrape(MeterRegistry registry) {
        return registry.getMeters().stream().flatMap(meter -> {
            String id = meter.getId().getName() + meter.getId().getTags().stream()
                    .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(",", "{", "}"));
            return java.util.stream.StreamSupport.stream(meter.measure().spliterator(), false)
                    .map(measurement -> id + " " + measurement.getStatistic() + " " + measurement.getValue());
        }).sorted().collect(Collectors.joining("\n", "", "\n"));
    }

    private Timer requests(String route, String status) {
        return registry.find("http.server.requests").tag("route", route).tag("status", status).timer();
    }

    @Test
    void servesTheScrapeAsPrometheusText() {
        HttpResponse<String> response = running.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("switchboard.websocket.connections{} VALUE 0.0");
    }

    @Test
    void timesRequestsByRouteTemplateNeverByRawPath() {
        running.delete("/v1/offers/offer-0001");
        running.delete("/v1/offers/offer-0002");
        running.get("/no/such/path");

        // A request is recorded when its exchange completes, which may be just after the client has the response.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Timer offers = requests("/v1/offers/{offerId}", "204");
            assertThat(offers).isNotNull();
            assertThat(offers.count()).isEqualTo(2);
            assertThat(offers.getId().getTag("method")).isEqualTo("DELETE");
            assertThat(offers.getId().getTag("outcome")).isEqualTo("SUCCESS");
            assertThat(requests("NOT_FOUND", "404")).isNotNull();
            assertThat(requests("NOT_FOUND", "404").count()).isEqualTo(1);
        });
        assertThat(running.get("/metrics").body()).doesNotContain("offer-0001");
    }

    @Test
    void countsRejectionsByReason() {
        when(running.doubles.authenticateRequest.authenticate(any()))
                .thenThrow(new SignalingException(ErrorCode.AUTHENTICATION_FAILED, "no"));

        running.delete("/v1/offers/offer-0001");
        running.get("/nothing");
        running.send("POST", "/v1/offers", "x".repeat(2000));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(rejections("authentication")).isEqualTo(1);
            assertThat(rejections("not_found")).isEqualTo(1);
            assertThat(rejections("payload_too_large")).isEqualTo(1);
        });
    }

    private double rejections(String reason) {
        var counter = registry.find("switchboard.rejections").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void countsWebSocketConnectionsAndFrames() {
        try (SocketClient client = SocketClient.connect(running, "")) {
            client.next();
            assertThat(registry.get("switchboard.websocket.connections").gauge().value()).isEqualTo(1);
            client.send("not json");
            client.next();

            assertThat(registry.get("switchboard.websocket.frames").tag("direction", "in").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("switchboard.websocket.frames").tag("direction", "out").counter().count())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void countsTheChunkBytesRelayedOut() {
        byte[] bytes = new byte[300];
        when(running.doubles.downloadChunk.byIndex("djEucmVjZWl2ZXI.c2lnbmF0dXJl", Fixtures.TRANSFER_ID, 2))
                .thenReturn(Fixtures.chunk(2, bytes));

        HttpResponse<String> response = running.send(running.request("/v1/transfers/"
                + Fixtures.TRANSFER_ID.value() + "/chunks/2")
                .header("Authorization", "Bearer djEucmVjZWl2ZXI.c2lnbmF0dXJl").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(registry.get("switchboard.relay.bytes").tag("direction", "out").counter().count()).isEqualTo(300);
        assertThat(registry.get("switchboard.relay.bytes").tag("direction", "in").counter().count()).isZero();
    }

    @Test
    void readsStoreStatisticsOnceForManyGaugesAndScrapes() {
        String first = running.get("/metrics").body();
        running.get("/metrics");

        assertThat(first).contains("switchboard.store.sessions.open{} VALUE 12.0", "switchboard.store.credentials{} VALUE 18.0",
                "switchboard.store.chunks.stored.bytes{} VALUE 16.0", "switchboard.long_polls.pending{} VALUE 0.0");
        assertThat(statisticsRead).hasValue(1);
    }

    @Test
    void answers404WithoutMetrics() {
        try (RunningServer bare = RunningServer.start()) {
            assertThat(bare.get("/metrics").statusCode()).isEqualTo(404);
        }
        assertThat(registry.getMeters()).extracting(Meter::getId).isNotEmpty();
    }
}
