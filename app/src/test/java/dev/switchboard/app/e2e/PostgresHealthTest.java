package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /health} on the PostgreSQL store follows the database: down while it does not answer, up once it does. */
class PostgresHealthTest {

    @Test
    void reportsDownWhileTheDatabaseDoesNotAnswerAndUpOnceItDoesAgain() {
        try (TcpRelay relay = TcpRelay.to(TestDatabase.shared());
             StartedSwitchboard switchboard = StartedSwitchboard.start(throughRelay(relay))) {
            Api api = switchboard.api();
            assertHealth(api.get("/health"), 200, "up");

            relay.cut();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertHealth(api.get("/health"), 503, "down"));
            ApiResponse count = api.get("/v1/offers/count?service=" + TestData.uniqueService());
            assertThat(count.status()).as("%s", count).isEqualTo(503);
            assertThat(count.code()).isEqualTo("service_unavailable");

            relay.restore();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertHealth(api.get("/health"), 200, "up"));
        }
    }

    /** The shared database reached through the relay, waiting a second at most for a connection. */
    private static Map<String, String> throughRelay(TcpRelay relay) {
        Map<String, String> settings = new HashMap<>(
                TestDatabase.switchboardSettings(relay.relaying(TestDatabase.shared())));
        settings.put("SWITCHBOARD_DATABASE_CONNECT_TIMEOUT_SECONDS", "1");
        return settings;
    }

    private static void assertHealth(ApiResponse health, int status, String state) {
        assertThat(health.status()).as("%s", health).isEqualTo(status);
        assertThat(health.json().path("status").asText()).isEqualTo(state);
        assertThat(health.json().path("store").asText()).isEqualTo("postgres");
    }
}
