package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.adapter.http.WebSocketSettings;
import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.ServerSigningKey;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pairing, signing-key, join-link and WebSocket settings, read as the rest of the configuration. */
class PairingConfigTest {
    private static final String SIGNING_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String MASTER_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static SwitchboardConfig read(Map<String, String> environment) {
        return SwitchboardConfig.from(environment, new Properties());
    }

    private static InvalidConfigurationException refusal(Map<String, String> environment) {
        return catchThrowableOfType(InvalidConfigurationException.class, () -> read(environment));
    }

    @Nested
    class WhenNothingIsConfigured {
        private final SwitchboardConfig config = read(Map.of());

        @Test
        void buildsTheDomainsDefaultPairingPolicy() {
            ServerSigningKey key = ServerSigningKey.parseHex(SIGNING_KEY);

            assertThat(config.pairing().policy(key)).isEqualTo(PairingPolicy.defaults(key));
        }

        @Test
        void leavesTheSigningKeyToStartUpWithTheMemoryStore() {
            assertThat(config.pairing().signingKey()).isEmpty();
        }

        @Test
        void usesTheAdaptersWebSocketDefaultsAndBuildsJoinLinksFromEachRequest() {
            assertThat(config.http().webSocket().settings()).isEqualTo(WebSocketSettings.defaults());
            assertThat(config.http().publicBaseUrl()).isEmpty();
        }
    }

    @Nested
    class WhenEverySettingIsGiven {
        private final SwitchboardConfig config = read(Map.ofEntries(
                Map.entry("SWITCHBOARD_SIGNING_KEY", SIGNING_KEY),
                Map.entry("SWITCHBOARD_SESSION_CAPACITY_DEFAULT", "3"),
                Map.entry("SWITCHBOARD_SESSION_CAPACITY_MAX", "8"),
                Map.entry("SWITCHBOARD_SESSION_TTL_MIN_SECONDS", "10"),
                Map.entry("SWITCHBOARD_SESSION_TTL_DEFAULT_SECONDS", "60"),
                Map.entry("SWITCHBOARD_SESSION_TTL_MAX_SECONDS", "600"),
                Map.entry("SWITCHBOARD_SESSION_ACTIVITY_EXTENSION_SECONDS", "120"),
                Map.entry("SWITCHBOARD_SESSION_MAX_LIFETIME_SECONDS", "7200"),
                Map.entry("SWITCHBOARD_PRESENCE_TIMEOUT_SECONDS", "20"),
                Map.entry("SWITCHBOARD_MAILBOX_MAX_QUEUED", "64"),
                Map.entry("SWITCHBOARD_MAX_OPEN_SESSIONS_PER_IDENTITY", "4"),
                Map.entry("SWITCHBOARD_JOIN_FAILURE_BUDGET", "5"),
                Map.entry("SWITCHBOARD_JOIN_FAILURE_WINDOW_SECONDS", "300"),
                Map.entry("SWITCHBOARD_TICKET_TTL_SECONDS", "15"),
                Map.entry("SWITCHBOARD_PUBLIC_BASE_URL", "https://pair.example.com/"),
                Map.entry("SWITCHBOARD_WS_PING_INTERVAL_SECONDS", "5"),
                Map.entry("SWITCHBOARD_WS_IDLE_TIMEOUT_SECONDS", "20"),
                Map.entry("SWITCHBOARD_WS_KEEP_ALIVE_INTERVAL_SECONDS", "4"),
                Map.entry("SWITCHBOARD_WS_MAX_FRAME_BYTES", "4096"),
                Map.entry("SWITCHBOARD_WS_FRAMES_PER_SECOND", "20"),
                Map.entry("SWITCHBOARD_WS_FRAME_BURST", "40"),
                Map.entry("SWITCHBOARD_WS_MAX_MALFORMED_FRAMES", "3"),
                Map.entry("SWITCHBOARD_WS_MAX_CONNECTIONS_PER_ADDRESS", "1000")));

        @Test
        void buildsThePairingPolicyFromThem() {
            ServerSigningKey key = config.pairing().signingKey().orElseThrow();

            assertThat(config.pairing().policy(key)).isEqualTo(new PairingPolicy(3, 8, Duration.ofSeconds(10),
                    Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(120), Duration.ofHours(2),
                    Duration.ofSeconds(20), PairingPolicy.defaults(key).closedSessionRetention(), 64, 4, 5,
                    Duration.ofMinutes(5), Duration.ofSeconds(15), key));
        }

        @Test
        void signsWithTheConfiguredKey() {
            ServerSigningKey configured = config.pairing().signingKey().orElseThrow();
            byte[] message = {1, 2, 3};

            assertThat(configured.sign("test", message))
                    .isEqualTo(ServerSigningKey.parseHex(SIGNING_KEY).sign("test", message));
        }

        @Test
        void buildsTheWebSocketSettingsAndJoinLinksFromThem() {
            assertThat(config.http().webSocket().settings()).isEqualTo(new WebSocketSettings(Duration.ofSeconds(5),
                    Duration.ofSeconds(20), Duration.ofSeconds(4), 4096, 20, 40, 3, 1000));
            assertThat(config.http().publicBaseUrl()).contains(URI.create("https://pair.example.com"));
        }
    }

    @Nested
    class WhenSettingsAreInvalid {
        @Test
        void reportsEveryProblemTogether() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_SESSION_CAPACITY_DEFAULT", "9",
                    "SWITCHBOARD_SESSION_CAPACITY_MAX", "4",
                    "SWITCHBOARD_SESSION_TTL_DEFAULT_SECONDS", "5",
                    "SWITCHBOARD_SESSION_MAX_LIFETIME_SECONDS", "60",
                    "SWITCHBOARD_JOIN_FAILURE_BUDGET", "none",
                    "SWITCHBOARD_PUBLIC_BASE_URL", "ftp://pair.example.com",
                    "SWITCHBOARD_WS_PING_INTERVAL_SECONDS", "60",
                    "SWITCHBOARD_WS_MAX_FRAME_BYTES", "10"));

            assertThat(refused.problems()).hasSize(7);
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "SWITCHBOARD_SESSION_CAPACITY_DEFAULT (9) must not exceed SWITCHBOARD_SESSION_CAPACITY_MAX (4)"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "SWITCHBOARD_SESSION_TTL_DEFAULT_SECONDS (5) must lie within"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "SWITCHBOARD_SESSION_MAX_LIFETIME_SECONDS (60) must be at least"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "SWITCHBOARD_JOIN_FAILURE_BUDGET: must be a whole number"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "SWITCHBOARD_PUBLIC_BASE_URL: must be an absolute http or https URL"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "SWITCHBOARD_WS_PING_INTERVAL_SECONDS (60) must be shorter than SWITCHBOARD_WS_IDLE_TIMEOUT"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "SWITCHBOARD_WS_MAX_FRAME_BYTES: must be a whole number from 1024"));
        }

        @Test
        void namesWhatIsWrongWithTheSigningKeyWithoutEchoingIt() {
            String typo = SIGNING_KEY.substring(0, 63) + "g";

            InvalidConfigurationException refused = refusal(Map.of("SWITCHBOARD_SIGNING_KEY", typo));

            assertThat(refused.problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_SIGNING_KEY: ").contains("hexadecimal").doesNotContain(typo);
            assertThat(refused).hasMessageNotContaining(typo);
        }

        @Test
        void refusesAnAllZeroSigningKey() {
            assertThat(refusal(Map.of("SWITCHBOARD_SIGNING_KEY", "0".repeat(64))).problems())
                    .singleElement().asString().startsWith("SWITCHBOARD_SIGNING_KEY: ").contains("zeros");
        }
    }

    @Nested
    class WithThePostgresStore {
        private final Map<String, String> withoutSigningKey = Map.of(
                "SWITCHBOARD_STORE", "postgres",
                "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db:5432/switchboard",
                "SWITCHBOARD_MASTER_KEY", MASTER_KEY);

        @Test
        void requiresASigningKeySharedByEveryInstance() {
            assertThat(refusal(withoutSigningKey).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_SIGNING_KEY: is required with the postgres store")
                    .contains("every instance sharing the database");
        }

        @Test
        void reportsAMalformedSigningKeyOnlyAsMalformed() {
            Map<String, String> environment = new HashMap<>(withoutSigningKey);
            environment.put("SWITCHBOARD_SIGNING_KEY", "short");

            assertThat(refusal(environment).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_SIGNING_KEY: ").doesNotContain("is required").doesNotContain("short\"");
        }

        @Test
        void startsWithTheConfiguredSigningKey() {
            Map<String, String> environment = new HashMap<>(withoutSigningKey);
            environment.put("SWITCHBOARD_SIGNING_KEY", SIGNING_KEY);

            assertThat(read(environment).pairing().signingKey()).isPresent();
        }
    }
}
