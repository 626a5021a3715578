package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import dev.switchboard.ports.model.Statistics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private final FakeLimiter limiter = new FakeLimiter();
    private RunningServer running;

    @AfterEach
    void stop() {
        running.close();
    }

    private void start() {
        running = RunningServer.start(RunningServer.settings(), builder -> builder.operations(
                new OperationsUseCases(limiter, () -> new Statistics(0, 0, 0, 0, 0, 0, 0, 0))));
    }

    @Test
    void answers429ExactlyOnceTheAddressBudgetIsSpentAndAgainOnceItRefills() {
        limiter.limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 3);
        start();

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> allowed = running.get("/openapi.yaml");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("RateLimit-Policy")).hasValue("\"api-call-address\";q=3;w=60");
            assertThat(allowed.headers().firstValue("RateLimit")).hasValue("\"api-call-address\";r=" + (3 - i) + ";t=12");
        }
        HttpResponse<String> refused = running.get("/openapi.yaml");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(RunningServer.json(refused).path("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("RateLimit")).hasValue("\"api-call-address\";r=0;t=12");
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        limiter.refill();

        assertThat(running.get("/openapi.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void readsTheBodyOfALimitedRequestAsBefore() {
        limiter.limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 100);
        start();
        when(running.doubles.publishOffers.publish(any(), any())).thenReturn(List.of(Fixtures.offer("offer-0001")));

        HttpResponse<String> response = running.send("POST", "/v1/offers",
                "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("RateLimit")).hasValue("\"api-call-address\";r=99;t=12");
    }

    @Test
    void listsTheAddressAndTheIdentityBudgetsOfASignedRequest() {
        limiter.limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 100)
                .limit(LimitedAction.API_CALL, LimitSubject.Kind.IDENTITY, 50);
        start();

        HttpResponse<String> response = running.delete("/v1/offers/offer-0001");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"api-call-address\";q=100;w=60, \"api-call-identity\";q=50;w=60");
        assertThat(response.headers().firstValue("RateLimit"))
                .hasValue("\"api-call-address\";r=99;t=12, \"api-call-identity\";r=49;t=12");
        assertThat(limiter.subjects(LimitedAction.API_CALL))
                .containsExactly("address:127.0.0.1", "identity:" + UseCaseDoubles.ALICE.keyId());
    }

    @Test
    void refusesASignerWhoseIdentityBudgetIsSpentWithoutCallingTheUseCase() {
        limiter.limit(LimitedAction.API_CALL, LimitSubject.Kind.IDENTITY, 1);
        start();

        assertThat(running.delete("/v1/offers/offer-0001").statusCode()).isEqualTo(204);
        HttpResponse<String> refused = running.delete("/v1/offers/offer-0001");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"api-call-identity\";q=1;w=60");
        verify(running.doubles.deleteOffer, times(1)).delete(any(), any());
    }

    @Test
    void sendsNoHeadersForWhatTheServerDoesNotLimit() {
        start();

        HttpResponse<String> response = running.get("/openapi.yaml");

        assertThat(response.headers().firstValue("RateLimit-Policy")).isEmpty();
        assertThat(limiter.asked).isEmpty();
    }

    @Test
    void neverLimitsHealthChecksOrTheMetricsScrape() {
        limiter.limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 1);
        start();

        for (int i = 0; i < 3; i++) {
            assertThat(running.get("/health").statusCode()).isEqualTo(200);
            assertThat(running.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(running.get("/metrics").statusCode()).isEqualTo(404);
        }
        assertThat(limiter.asked).isEmpty();
    }

    @Test
    void spendsTheScarceCredentialBudgetOnIssuance() {
        limiter.limit(LimitedAction.CREDENTIAL_ISSUANCE, LimitSubject.Kind.ADDRESS, 1);
        start();
        when(running.doubles.issueCredential.issue())
                .thenReturn(new IssuedCredential("hk_3q2-7wAAAAAAAAAAAAAA", new byte[32], Fixtures.CREATED));

        assertThat(issue().statusCode()).isEqualTo(201);
        HttpResponse<String> refused = issue();

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"credential-issuance-address\";q=1;w=60");
        verify(running.doubles.issueCredential, times(1)).issue();
    }

    private HttpResponse<String> issue() {
        return running.send(running.request("/v1/credentials").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void logsADegradedLimiterAtWarnAtMostOnceAMinute() {
        limiter.limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 1);
        limiter.degraded = true;
        start();

        try (CapturedLogs logs = CapturedLogs.of(RateLimits.class)) {
            for (int i = 0; i < 3; i++) {
                assertThat(running.get("/openapi.yaml").statusCode()).isEqualTo(200);
            }
            assertThat(logs.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("api-call-address");
            });
        }
    }

    @Test
    void refusesAWebSocketOverTheConnectBudgetBeforeTheUpgrade() {
        limiter.limit(LimitedAction.WEBSOCKET_CONNECT, LimitSubject.Kind.ADDRESS, 1)
                .limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 100);
        start();

        try (SocketClient first = SocketClient.connect(running, "")) {
            assertThat(first.next().path("type").asText()).isEqualTo("welcome");
            assertThatThrownBy(() -> SocketClient.connect(running, "")).hasStackTraceContaining("429");
        }
        assertThat(limiter.subjects(LimitedAction.WEBSOCKET_CONNECT)).containsOnly("address:127.0.0.1");
    }

    @Test
    void closesASocketWhoseIdentitySendsMoreFramesThanItsBudget() {
        limiter.limit(LimitedAction.WEBSOCKET_MESSAGE, LimitSubject.Kind.IDENTITY, 2);
        start();

        try (SocketClient client = SocketClient.connect(running, "")) {
            client.next();
            for (int i = 0; i < 3; i++) {
                client.send("not json " + i);
            }

            assertThat(client.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "rate limit"));
        }
        assertThat(limiter.subjects(LimitedAction.WEBSOCKET_MESSAGE))
                .hasSize(3).containsOnly("identity:" + UseCaseDoubles.ALICE.keyId());
    }
}
