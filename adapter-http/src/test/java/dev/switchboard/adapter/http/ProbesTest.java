package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.model.Statistics;
import dev.switchboard.ports.model.StoreHealth;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProbesTest {
    private static final Statistics STATISTICS = new Statistics(1, 2, 3, 4, 5, 6, 7, 8);
    private final RunningServer running = RunningServer.start(RunningServer.settings(), builder -> builder.operations(
            new OperationsUseCases(new FakeLimiter(), () -> STATISTICS)));

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void saysLiveWhileServingWhateverTheStore() {
        when(running.doubles.reportHealth.report()).thenReturn(new StoreHealth("postgres", false));

        HttpResponse<String> response = running.get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"live\"}");
    }

    @Test
    void saysReadyWhileTheStoreAnswers() {
        HttpResponse<String> response = running.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ready\"}");
    }

    @Test
    void saysNotReadyWhenTheStoreDoesNotAnswer() {
        when(running.doubles.reportHealth.report()).thenReturn(new StoreHealth("postgres", false));

        HttpResponse<String> response = running.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"not_ready\"}");
    }

    @Nested
    class WhileDraining {

        @Test
        void saysNotReadyButServesEveryOtherRequestAndSocketAsBefore() {
            when(running.doubles.publishOffers.publish(any(), any())).thenReturn(List.of(Fixtures.offer("offer-0001")));

            running.server.drain();

            HttpResponse<String> ready = running.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("{\"status\":\"not_ready\"}");
            assertThat(running.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(running.get("/openapi.yaml").statusCode()).isEqualTo(200);
            assertThat(running.send("POST", "/v1/offers", "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}")
                    .statusCode()).isEqualTo(201);
            try (SocketClient socket = SocketClient.connect(running, "")) {
                assertThat(socket.next().path("type").asText()).isNotEmpty();
            }
        }

        @Test
        void stillClosesGracefullyAfterwards() {
            running.server.drain();

            running.close();

            assertThat(running.sendAsync(running.request("/health/live").GET().build()))
                    .failsWithin(Duration.ofSeconds(5));
        }
    }

    @Nested
    class WhileShuttingDown {
        private final CountDownLatch release = new CountDownLatch(1);

        @AfterEach
        void finish() {
            release.countDown();
        }

        @Test
        void saysNotReadyButStillLiveWhileRequestsInFlightFinish() throws Exception {
            when(running.doubles.publishOffers.publish(any(), any())).thenAnswer(invocation -> {
                release.await(5, TimeUnit.SECONDS);
                return List.of(Fixtures.offer("offer-0001"));
            });
            CompletableFuture<HttpResponse<String>> inFlight = running.sendAsync(running.request("/v1/offers")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}"))
                    .build());
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> !mockingDetails(running.doubles.publishOffers).getInvocations().isEmpty());
            CompletableFuture<Void> closed = CompletableFuture.runAsync(running::close);

            await().atMost(Duration.ofSeconds(2)).until(() -> running.get("/health/ready").statusCode() == 503);
            assertThat(running.get("/health/ready").body()).isEqualTo("{\"status\":\"not_ready\"}");
            assertThat(running.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(running.get("/openapi.yaml").statusCode()).isEqualTo(503);

            release.countDown();
            assertThat(inFlight.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            closed.get(3, TimeUnit.SECONDS);
        }
    }

    @Nested
    class TheDetailedView {

        @Test
        void isForAdminsOnly() {
            HttpResponse<String> response = running.get("/health?detail=true");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("admin_required");
        }

        @Test
        void showsTheStoreItsStatisticsOpenSocketsAndWaitingPolls() {
            try (SocketClient socket = SocketClient.connect(running, "")) {
                socket.next();
                HttpResponse<String> response = running.send(running.request("/health?detail=true")
                        .header("Authorization", "Bearer " + FakeAdminGate.ADMIN_TOKEN).GET().build());

                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode detail = RunningServer.json(response);
                assertThat(detail.path("status").asText()).isEqualTo("up");
                assertThat(detail.path("store").asText()).isEqualTo("memory");
                assertThat(detail.path("ready").asBoolean()).isTrue();
                assertThat(detail.path("openSockets").asInt()).isEqualTo(1);
                assertThat(detail.path("pendingPolls").asInt()).isZero();
                assertThat(detail.path("statistics").path("openSessions").asLong()).isEqualTo(2);
                assertThat(detail.path("statistics").path("credentials").asLong()).isEqualTo(8);
            }
        }

        @Test
        void leavesTheSummaryAsItWasWithoutTheFlag() {
            assertThat(running.get("/health?detail=false").body())
                    .isEqualTo("{\"status\":\"up\",\"version\":\"9.9.9-test\",\"store\":\"memory\",\"ready\":true}");
        }
    }
}
