package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.postgres.PostgresSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The security suite: a credential is accepted for its configured lifetime only, then refused like an unknown
 * one and swept. On PostgreSQL, where the test can move a credential's end into the past behind the server's
 * back instead of waiting the shortest lifetime (an hour).
 */
class CredentialLifetimeTest {
    private final String schema = "lifetime_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final PostgresSettings database = TestDatabase.createSchema(schema);

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void refusesACredentialPastItsLifetimeAndSweepsIt() {
        Map<String, String> settings = new HashMap<>(TestDatabase.switchboardSettings(database));
        settings.put("SWITCHBOARD_CREDENTIAL_LIFETIME", "2h");
        settings.put("SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "1");
        try (StartedSwitchboard switchboard = StartedSwitchboard.start(settings)) {
            Peer peer = switchboard.api().newHmacPeer();
            String service = uniqueService();
            peer.publishOne(service);
            assertThat(TestDatabase.execute(database,
                    "SELECT extract(epoch FROM expires_at - created_at)::bigint FROM credentials WHERE id = ?",
                    peer.keyId())).as("the configured lifetime").isEqualTo(7200);

            TestDatabase.execute(database,
                    "UPDATE credentials SET expires_at = now() - interval '1 second' WHERE id = ?", peer.keyId());

            ApiResponse refused = peer.post("/v1/offers", Map.of("service", service,
                    "offers", List.of(Map.of("sdp", TestData.sdp("late")))));
            assertThat(refused.status()).as("%s", refused).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("authentication_failed");
            await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.execute(database,
                    "SELECT count(*) FROM credentials WHERE id = ?", peer.keyId()) == 0);
        }
    }
}
