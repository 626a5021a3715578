package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void refusesToStartOnAPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpSettings settings = RunningServer.settings().withPort(taken.getLocalPort());
            UseCaseDoubles doubles = new UseCaseDoubles();

            assertThatThrownBy(() -> SignalingHttpServer.start(settings, doubles.useCases(), doubles.pairingUseCases(),
                    doubles.transferUseCases(), doubles.enterpriseUseCases()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void reportsThePortTheSystemPickedForPortZero() {
        try (RunningServer running = RunningServer.start()) {
            assertThat(running.port()).isPositive();
            assertThat(running.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class WhenClosingWithARequestInFlight {
        private final RunningServer running = RunningServer.start();
        private final CountDownLatch release = new CountDownLatch(1);
        private CompletableFuture<HttpResponse<String>> inFlight;
        private CompletableFuture<Void> closed;

        @BeforeEach
        void closeWhilePublishing() {
            when(running.doubles.publishOffers.publish(any(), any())).thenAnswer(invocation -> {
                release.await(5, TimeUnit.SECONDS);
                return List.of(Fixtures.offer("offer-0001"));
            });
            inFlight = running.sendAsync(running.request("/v1/offers")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}"))
                    .build());
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> !mockingDetails(running.doubles.publishOffers).getInvocations().isEmpty());
            closed = CompletableFuture.runAsync(running::close);
        }

        @AfterEach
        void finish() {
            release.countDown();
            running.close();
        }

        @Test
        void letsItFinishBeforeStopping() throws Exception {
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !closed.isDone());

            release.countDown();

            assertThat(inFlight.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            closed.get(3, TimeUnit.SECONDS);
        }

        @Test
        void refusesNewRequestsMeanwhile() {
            await().atMost(Duration.ofSeconds(1)).until(() -> running.get("/health").statusCode() == 503);

            HttpResponse<String> refused = running.get("/health");

            assertThat(RunningServer.json(refused).path("code").asText()).isEqualTo("service_unavailable");
            assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        }
    }

    @Test
    void stopsServingOnCloseAndIgnoresASecondClose() {
        RunningServer running = RunningServer.start();

        running.close();
        running.close();

        assertThatThrownBy(() -> running.get("/health")).hasCauseInstanceOf(ConnectException.class);
    }
}
