package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.TransferPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The transfer relay's settings: the domain's defaults, byte budgets that follow the store, and their checks. */
class TransferConfigTest {
    private static final String SIGNING_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final long GIB = 1024L * 1024 * 1024;

    private static SwitchboardConfig read(Map<String, String> environment) {
        return SwitchboardConfig.from(environment, new Properties());
    }

    private static InvalidConfigurationException refusal(Map<String, String> environment) {
        return catchThrowableOfType(InvalidConfigurationException.class, () -> read(environment));
    }

    @Nested
    class WhenNothingIsConfigured {
        @Test
        void keepsTheDomainsLimitsAndLifetimes() {
            ServerSigningKey key = ServerSigningKey.parseHex(SIGNING_KEY);
            TransferPolicy defaults = TransferPolicy.defaults(key);
            TransferPolicy policy = read(Map.of()).transfers().policy(key);

            assertThat(policy).usingRecursiveComparison().ignoringFields("maxTransferBytes", "maxServerBytes")
                    .isEqualTo(defaults);
        }

        @Test
        void letsTheMemoryStoreHoldAQuarterOfTheHeap() {
            assertThat(TransferConfig.defaultServerBytes(Optional.of(StoreKind.MEMORY), 8 * GIB)).isEqualTo(2 * GIB);
            assertThat(read(Map.of()).transfers().maxServerBytes())
                    .isEqualTo(Math.min(Runtime.getRuntime().maxMemory() / 4, 8 * GIB));
        }

        @Test
        void letsPostgresHoldEightGibibytes() {
            assertThat(TransferConfig.defaultServerBytes(Optional.of(StoreKind.POSTGRES), 512L * 1024 * 1024))
                    .isEqualTo(8 * GIB);
        }

        @Test
        void shrinksTheDefaultTransferSizeToASmallHeap() {
            Properties properties = new Properties();
            TransferConfig transfers = SwitchboardConfig.from(
                    Map.of("SWITCHBOARD_TRANSFER_MAX_SERVER_BYTES", String.valueOf(256L * 1024 * 1024)), properties)
                    .transfers();

            assertThat(transfers.maxTransferBytes()).isEqualTo(256L * 1024 * 1024);
        }
    }

    @Nested
    class WhenEverySettingIsGiven {
        @Test
        void readsThemAll() {
            Map<String, String> environment = new HashMap<>();
            environment.put("SWITCHBOARD_TRANSFER_MAX_CHUNK_COUNT", "100");
            environment.put("SWITCHBOARD_TRANSFER_MAX_CHUNK_BYTES", "65536");
            environment.put("SWITCHBOARD_TRANSFER_MAX_BYTES", "1000000");
            environment.put("SWITCHBOARD_TRANSFER_MAX_SERVER_BYTES", "5000000");
            environment.put("SWITCHBOARD_TRANSFER_TTL_MIN_SECONDS", "2");
            environment.put("SWITCHBOARD_TRANSFER_TTL_DEFAULT_SECONDS", "3");
            environment.put("SWITCHBOARD_TRANSFER_TTL_MAX_SECONDS", "4");
            environment.put("SWITCHBOARD_TRANSFER_ACTIVITY_EXTENSION_SECONDS", "5");
            environment.put("SWITCHBOARD_TRANSFER_MAX_LIFETIME_SECONDS", "6");
            environment.put("SWITCHBOARD_TRANSFER_RETENTION_SECONDS", "7");
            environment.put("SWITCHBOARD_TRANSFER_MAX_LIVE_PER_IDENTITY", "8");
            environment.put("SWITCHBOARD_TRANSFER_MAX_LIVE_PER_ADDRESS", "9");
            environment.put("SWITCHBOARD_TRANSFER_CLAIM_FAILURE_BUDGET", "10");
            environment.put("SWITCHBOARD_TRANSFER_CLAIM_FAILURE_WINDOW_SECONDS", "11");
            environment.put("SWITCHBOARD_TRANSFER_MAX_VERIFIER_LENGTH", "120");

            assertThat(read(environment).transfers()).isEqualTo(new TransferConfig(100, 65536, 1_000_000, 5_000_000,
                    Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5),
                    Duration.ofSeconds(6), Duration.ofSeconds(7), 8, 9, 10, Duration.ofSeconds(11), 120));
        }

        @Test
        void letsTheHttpAdapterReadChunkBodiesAsLargeAsTheLargestChunk() {
            SwitchboardConfig config = read(Map.of("SWITCHBOARD_TRANSFER_MAX_CHUNK_BYTES", "65536"));

            assertThat(new HttpModule(config.http(), config.transfers(), "test").settings().maxChunkBodyBytes())
                    .isEqualTo(65536);
        }
    }

    @Nested
    class WhenSettingsAreInvalid {
        @Test
        void refusesATransferLargerThanTheServer() {
            assertThat(refusal(Map.of("SWITCHBOARD_TRANSFER_MAX_BYTES", "2000",
                    "SWITCHBOARD_TRANSFER_MAX_SERVER_BYTES", "1000")).problems()).containsExactly(
                    "SWITCHBOARD_TRANSFER_MAX_BYTES (2000) must not exceed SWITCHBOARD_TRANSFER_MAX_SERVER_BYTES (1000)");
        }

        @Test
        void refusesChunksAboveTheDomainsLimit() {
            assertThat(refusal(Map.of("SWITCHBOARD_TRANSFER_MAX_CHUNK_BYTES", String.valueOf(32 * 1024 * 1024)))
                    .problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_TRANSFER_MAX_CHUNK_BYTES: must be a whole number from 1 to 16777216");
        }

        @Test
        void reportsLifetimesOutOfOrderTogether() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_TRANSFER_TTL_DEFAULT_SECONDS", "30",
                    "SWITCHBOARD_TRANSFER_TTL_MAX_SECONDS", "7200",
                    "SWITCHBOARD_TRANSFER_MAX_LIFETIME_SECONDS", "3600"));

            assertThat(refused.problems()).containsExactly(
                    "SWITCHBOARD_TRANSFER_TTL_DEFAULT_SECONDS (30) must lie within SWITCHBOARD_TRANSFER_TTL_MIN_SECONDS "
                            + "(60) and SWITCHBOARD_TRANSFER_TTL_MAX_SECONDS (7200)",
                    "SWITCHBOARD_TRANSFER_MAX_LIFETIME_SECONDS (3600) must be at least "
                            + "SWITCHBOARD_TRANSFER_TTL_MAX_SECONDS (7200)");
        }

        @Test
        void refusesAMisspeltTransferSetting() {
            assertThat(refusal(Map.of("SWITCHBOARD_TRANSFER_MAX_CHUNKS", "10")).problems())
                    .containsExactly("SWITCHBOARD_TRANSFER_MAX_CHUNKS: unknown setting (misspelt?)");
        }
    }
}
