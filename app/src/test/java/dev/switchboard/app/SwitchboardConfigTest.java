package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.domain.MasterKeyRing;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SwitchboardConfigTest {
    private static final String KEY_A = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String KEY_B = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    private static SwitchboardConfig read(Map<String, String> environment) {
        return SwitchboardConfig.from(environment, new Properties());
    }

    private static InvalidConfigurationException refusal(Map<String, String> environment, Properties properties) {
        return catchThrowableOfType(InvalidConfigurationException.class,
                () -> SwitchboardConfig.from(environment, properties));
    }

    private static InvalidConfigurationException refusal(Map<String, String> environment) {
        return refusal(environment, new Properties());
    }

    @Nested
    class WhenNothingIsConfigured {
        private final SwitchboardConfig config = read(Map.of());

        @Test
        void listensOnEveryInterfaceOnPort8080WithTheDocumentedLimits() {
            assertThat(config.http()).isEqualTo(
                    new HttpConfig("0.0.0.0", 8080, 4L * 1024 * 1024, Duration.ofSeconds(30)));
        }

        @Test
        void usesTheDocumentedOfferLifetimesAndLimits() {
            assertThat(config.offers()).isEqualTo(new OfferConfig(Duration.ofSeconds(10), Duration.ofSeconds(300),
                    Duration.ofSeconds(3600), Duration.ofSeconds(120), 50));
        }

        @Test
        void keepsEverythingInMemoryAndSweepsEveryThirtySeconds() {
            assertThat(config.store()).isEqualTo(new StoreConfig(StoreKind.MEMORY, Duration.ofSeconds(30)));
        }

        @Test
        void acceptsSignaturesWithinAMinuteAndLeavesTheMasterKeyToStartUp() {
            assertThat(config.signing().signatureWindow()).isEqualTo(Duration.ofSeconds(60));
            assertThat(config.signing().masterKeys()).isEmpty();
        }
    }

    @Nested
    class WhenSettingsAreGiven {
        @Test
        void readsEnvironmentVariables() {
            SwitchboardConfig config = read(Map.of(
                    "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                    "SWITCHBOARD_HTTP_PORT", "9000",
                    "SWITCHBOARD_OFFER_TTL_MIN_SECONDS", "5",
                    "SWITCHBOARD_MAX_CANDIDATES_PER_SIDE", "7",
                    "SWITCHBOARD_STORE", "memory"));

            assertThat(config.http().host()).isEqualTo("127.0.0.1");
            assertThat(config.http().port()).isEqualTo(9000);
            assertThat(config.offers().minTtl()).isEqualTo(Duration.ofSeconds(5));
            assertThat(config.offers().maxCandidatesPerSide()).isEqualTo(7);
        }

        @Test
        void letsTheSystemPropertyOverrideTheEnvironmentVariable() {
            Properties properties = new Properties();
            properties.setProperty("switchboard.http.port", "9001");

            SwitchboardConfig config = SwitchboardConfig.from(Map.of("SWITCHBOARD_HTTP_PORT", "9000"), properties);

            assertThat(config.http().port()).isEqualTo(9001);
        }

        @Test
        void treatsABlankValueAsUnset() {
            assertThat(read(Map.of("SWITCHBOARD_HTTP_PORT", "  ")).http().port()).isEqualTo(8080);
        }
    }

    @Nested
    class WhenSettingsAreInvalid {
        @Test
        void reportsEveryProblemTogether() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_HTTP_PORT", "http",
                    "SWITCHBOARD_STORE", "postgres",
                    "SWITCHBOARD_SIGNATURE_WINDOW_SECONDS", "0",
                    "SWITCHBOARD_OFFER_TTL_DEFAULT_SECONDS", "7200",
                    "SWITCHBOARD_HTTP_PROT", "8080"));

            assertThat(refused.problems()).hasSize(5);
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_HTTP_PORT: ").contains("0 to 65535").contains("\"http\""));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .isEqualTo("SWITCHBOARD_STORE: must be one of [memory], was \"postgres\""));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_SIGNATURE_WINDOW_SECONDS: "));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_OFFER_TTL_DEFAULT_SECONDS (7200) must lie within"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .isEqualTo("SWITCHBOARD_HTTP_PROT: unknown setting (misspelt?)"));
            assertThat(refused.getMessage()).startsWith("invalid configuration (5 problems)");
            refused.problems().forEach(problem -> assertThat(refused.getMessage()).contains(problem));
        }

        @Test
        void namesTheSystemPropertyWhenThatIsWhereTheBadValueCameFrom() {
            Properties properties = new Properties();
            properties.setProperty("switchboard.sweep.interval.seconds", "-1");

            assertThat(refusal(Map.of(), properties).problems())
                    .singleElement().asString().startsWith("switchboard.sweep.interval.seconds: ");
        }

        @Test
        void reportsAMisspeltSystemProperty() {
            Properties properties = new Properties();
            properties.setProperty("switchboard.http.prot", "1");

            assertThat(refusal(Map.of(), properties).problems())
                    .containsExactly("switchboard.http.prot: unknown setting (misspelt?)");
        }

        @Test
        void refusesOfferLifetimesOutOfOrder() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_OFFER_TTL_MIN_SECONDS", "600", "SWITCHBOARD_OFFER_TTL_MAX_SECONDS", "60"));

            assertThat(refused.problems()).singleElement().asString().contains("must lie within");
        }
    }

    @Nested
    class WhenMasterKeysAreConfigured {
        @Test
        void sealsWithTheCurrentKeyAndStillOpensWithTheRetiredOnes() {
            SwitchboardConfig config = read(Map.of(
                    "SWITCHBOARD_MASTER_KEY", KEY_A,
                    "SWITCHBOARD_MASTER_KEYS_RETIRED", " " + KEY_B + " ,"));

            MasterKeyRing ring = config.signing().masterKeys().orElseThrow();
            String retiredId = MasterKeyRing.of(HexFormat.of().parseHex(KEY_B)).currentKeyId();
            assertThat(ring.currentKey()).isEqualTo(HexFormat.of().parseHex(KEY_A));
            assertThat(ring.key(retiredId)).hasValueSatisfying(
                    key -> assertThat(key).isEqualTo(HexFormat.of().parseHex(KEY_B)));
        }

        @Test
        void refusesAMalformedKeyWithoutEchoingIt() {
            String secretLookingTypo = KEY_A.substring(0, 60) + "zzzz";

            InvalidConfigurationException refused = refusal(Map.of("SWITCHBOARD_MASTER_KEY", secretLookingTypo));

            assertThat(refused.problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_MASTER_KEY: ").contains("hexadecimal");
            assertThat(refused.getMessage()).doesNotContain(secretLookingTypo).doesNotContain(KEY_A.substring(0, 16));
        }

        @Test
        void refusesAKeyOfTheWrongLengthWithoutEchoingIt() {
            InvalidConfigurationException refused = refusal(Map.of("SWITCHBOARD_MASTER_KEY", KEY_A.substring(2)));

            assertThat(refused.problems()).singleElement().asString().contains("64 hexadecimal characters");
            assertThat(refused.getMessage()).doesNotContain(KEY_A.substring(2, 20));
        }

        @Test
        void refusesAnAllZeroKey() {
            InvalidConfigurationException refused = refusal(Map.of("SWITCHBOARD_MASTER_KEY", "0".repeat(64)));

            assertThat(refused.problems()).singleElement().asString().contains("all zeros");
        }

        @Test
        void namesWhichRetiredKeyIsBroken() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_MASTER_KEY", KEY_A,
                    "SWITCHBOARD_MASTER_KEYS_RETIRED", KEY_B + ",nope"));

            assertThat(refused.problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_MASTER_KEYS_RETIRED: key 2 of 2: ");
        }

        @Test
        void refusesRetiredKeysWithoutACurrentOne() {
            InvalidConfigurationException refused = refusal(Map.of("SWITCHBOARD_MASTER_KEYS_RETIRED", KEY_B));

            assertThat(refused.problems()).singleElement().asString()
                    .isEqualTo("SWITCHBOARD_MASTER_KEYS_RETIRED: retired keys need a current SWITCHBOARD_MASTER_KEY");
        }
    }
}
