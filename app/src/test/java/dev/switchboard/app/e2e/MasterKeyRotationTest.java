package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.postgres.PostgresSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The security suite's master key rotation, end to end on PostgreSQL as an operator runs it: credentials issued
 * under key 1 keep verifying while key 2 becomes current with key 1 retired, after {@code rotate-keys} (the real
 * command, in a process of its own, beside the running server), and once key 1 is gone.
 */
class MasterKeyRotationTest {
    private static final String KEY_1 = "1111111111111111111111111111111111111111111111111111111111111111";
    private static final String KEY_2 = "2222222222222222222222222222222222222222222222222222222222222222";
    private static final String SIGNING_KEY = "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677";

    private final String schema = "rotation_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final PostgresSettings database = TestDatabase.createSchema(schema);
    private final String service = uniqueService();

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    private Map<String, String> keys(String current, String retired) {
        Map<String, String> settings = new HashMap<>(TestDatabase.switchboardSettings(database));
        settings.put("SWITCHBOARD_MASTER_KEY", current);
        settings.put("SWITCHBOARD_SIGNING_KEY", SIGNING_KEY);
        if (retired != null) {
            settings.put("SWITCHBOARD_MASTER_KEYS_RETIRED", retired);
        }
        return settings;
    }

    /**
     * On {@code port} (0 for any), so that clients' signatures, which cover the port, carry over restarts; after a
     * restart the clients reach it on new connections ({@link Api#onNewConnections}).
     */
    private StartedSwitchboard start(int port, String current, String retired) {
        Map<String, String> settings = keys(current, retired);
        settings.put("SWITCHBOARD_HTTP_PORT", String.valueOf(port));
        return StartedSwitchboard.start(settings);
    }

    private LauncherProcess rotateKeys(String current, String retired) {
        return LauncherProcess.start(keys(current, retired), "rotate-keys");
    }

    private int publishStatus(Peer peer) {
        return peer.post("/v1/offers", Map.of("service", service,
                "offers", List.of(Map.of("sdp", TestData.sdp("offer"))))).status();
    }

    @Test
    void keepsOldCredentialsVerifyingThroughoutARotation() {
        int port;
        Peer first;
        Peer second;
        try (StartedSwitchboard underKey1 = start(0, KEY_1, null)) {
            port = underKey1.port();
            first = underKey1.api().newHmacPeer();
            second = underKey1.api().newHmacPeer();
            assertThat(publishStatus(first)).isEqualTo(201);
        }

        Peer third;
        try (StartedSwitchboard underKey2 = start(port, KEY_2, KEY_1)) {
            Api reconnected = Api.onNewConnections(port);
            assertThat(publishStatus(first.via(reconnected))).as("sealed under key 1, now retired").isEqualTo(201);
            third = underKey2.api().newHmacPeer();

            // Beside the running server, as in production.
            try (LauncherProcess rotation = rotateKeys(KEY_2, KEY_1)) {
                assertThat(rotation.awaitExit()).as(rotation.output()).isZero();
                assertThat(rotation.linesContaining("\"rotation\":\"complete\"")).singleElement().asString()
                        .contains("\"resealed\":2").contains("\"unopenable\":0");
            }
            assertThat(publishStatus(second.via(reconnected))).as("resealed while the server runs").isEqualTo(201);
        }

        try (LauncherProcess again = rotateKeys(KEY_2, KEY_1)) {
            assertThat(again.awaitExit()).as(again.output()).isZero();
            assertThat(again.output()).contains("\"rotation\":\"complete\",\"resealed\":0");
        }

        try (StartedSwitchboard key1Removed = start(port, KEY_2, null)) {
            Api reconnected = Api.onNewConnections(port);
            assertThat(publishStatus(first.via(reconnected))).as("issued under key 1, which is gone").isEqualTo(201);
            assertThat(publishStatus(second.via(reconnected))).isEqualTo(201);
            assertThat(publishStatus(third.via(reconnected))).isEqualTo(201);
        }
    }

    @Test
    void reportsSecretsWhoseKeyIsGoneWithStatus3AndLeavesThemAlone() {
        int port;
        Peer stranded;
        try (StartedSwitchboard underKey1 = start(0, KEY_1, null)) {
            port = underKey1.port();
            stranded = underKey1.api().newHmacPeer();
        }

        try (LauncherProcess rotation = rotateKeys(KEY_2, null)) {
            assertThat(rotation.awaitExit()).as(rotation.output()).isEqualTo(3);
            assertThat(rotation.output()).contains("\"rotation\":\"incomplete\"").contains("\"unopenable\":1")
                    .doesNotContain(KEY_1).doesNotContain(KEY_2);
        }

        // Key 1 was only missing from that run's configuration: with it back, nothing was lost.
        try (StartedSwitchboard keyBack = start(port, KEY_2, KEY_1)) {
            assertThat(publishStatus(stranded.via(Api.onNewConnections(port)))).isEqualTo(201);
        }
    }
}
