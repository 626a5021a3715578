package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge settings reach the server as configured: trusted proxies, the CORS allow-list, security headers,
 * request ids and the web files' switch (the adapter's own tests cover each behaviour in depth; these prove the
 * configuration is wired).
 */
class EdgeWiringTest {

    @Test
    void believesForwardingHeadersOnlyFromAConfiguredProxy() {
        try (StartedSwitchboard behindProxy = StartedSwitchboard.start(Map.of(
                "SWITCHBOARD_HTTP_TRUSTED_PROXIES", "127.0.0.1/32",
                "SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS", "1/1h"))) {
            Api api = behindProxy.api();

            assertThat(issueFor(api, "203.0.113.1")).isEqualTo(201);
            assertThat(issueFor(api, "203.0.113.2")).as("another client behind the proxy").isEqualTo(201);
            assertThat(issueFor(api, "203.0.113.1")).as("the first client's budget is spent").isEqualTo(429);
        }
    }

    private static int issueFor(Api api, String client) {
        return api.send(api.request("/v1/credentials").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status();
    }

    @Test
    void answersPreflightsFromAllowedOriginsOnlyAndMarksEveryResponse() {
        try (StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of(
                "SWITCHBOARD_HTTP_CORS_ORIGINS", "https://app.example.com"))) {
            Api api = switchboard.api();

            ApiResponse allowed = api.send(preflight(api, "https://app.example.com"));
            ApiResponse other = api.send(preflight(api, "https://evil.example.com"));
            ApiResponse health = api.send(api.request("/health").header("X-Request-Id", "trace-42").GET().build());

            assertThat(allowed.status()).isEqualTo(204);
            assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
            assertThat(health.header("X-Request-Id")).isEqualTo("trace-42");
            assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(health.header("Cache-Control")).isEqualTo("no-store");
            assertThat(health.header("Strict-Transport-Security")).as("plain HTTP from no proxy").isNull();
        }
    }

    @Test
    void servesTheDemoPageAndTheJavaScriptClientUnlessTurnedOff() {
        try (StartedSwitchboard served = StartedSwitchboard.start(Map.of());
             StartedSwitchboard off = StartedSwitchboard.start(Map.of("SWITCHBOARD_HTTP_DEMO_ENABLED", "false"))) {
            ApiResponse page = served.api().get("/demo");
            ApiResponse client = served.api().get("/js/switchboard.js");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
            assertThat(off.api().get("/demo").status()).isEqualTo(404);
            assertThat(off.api().get("/js/switchboard.js").status()).isEqualTo(404);
        }
    }

    private static HttpRequest preflight(Api api, String origin) {
        return api.request("/v1/offers").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST").build();
    }
}
