package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The security suite's rate limits, with a small credential budget (3 per 3 s: a token back every second): hit
 * exactly at the budget, announced in the IETF headers, recovered after {@code Retry-After}, and counted per
 * socket address whatever a client claims in {@code X-Forwarded-For} (no proxy is trusted here). On PostgreSQL
 * in a schema of its own, so that no other suite's issuances count.
 */
@OnEveryStore
class RateLimitTest {
    private static final int QUOTA = 3;

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.inOwnSchemaWith(Map.of(
            "SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS", QUOTA + "/3s"));

    private final Api api = SWITCHBOARD.api();

    private ApiResponse issue(String forwardedFor) {
        HttpRequest.Builder request = api.request("/v1/credentials").POST(HttpRequest.BodyPublishers.noBody());
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor).header("Forwarded", "for=" + forwardedFor);
        }
        return api.send(request.build());
    }

    /** Waits until the bucket is full again, so each test starts from the whole budget. */
    private static void awaitFullBucket() throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(QUOTA).toMillis() + 200);
    }

    @Test
    void allowsExactlyTheBudgetThenRefusesWithRetryAfterAndRecovers() throws InterruptedException {
        awaitFullBucket();
        for (int i = 1; i <= QUOTA; i++) {
            ApiResponse issued = issue(null);
            assertThat(issued.status()).as("issuance %d: %s", i, issued).isEqualTo(201);
            assertThat(issued.header("RateLimit-Policy")).contains("q=" + QUOTA).contains("w=3");
            assertThat(issued.header("RateLimit")).contains("r=" + (QUOTA - i));
        }

        ApiResponse refused = issue(null);

        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.header("RateLimit")).contains("r=0");

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 100);

        assertThat(issue(null).status()).as("after Retry-After").isEqualTo(201);
        assertThat(issue(null).status()).as("only one token came back").isEqualTo(429);
    }

    @Test
    void ignoresForwardingHeadersFromAnUntrustedPeer() throws InterruptedException {
        awaitFullBucket();
        for (int i = 1; i <= QUOTA; i++) {
            assertThat(issue("203.0.113." + i).status()).as("issuance %d", i).isEqualTo(201);
        }

        ApiResponse spoofed = issue("198.51.100.77");

        assertThat(spoofed.status()).as("a new claimed address changes nothing: %s", spoofed).isEqualTo(429);
    }
}
