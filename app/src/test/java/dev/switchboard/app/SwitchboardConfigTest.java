package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.adapter.http.WebSocketSettings;
import dev.switchboard.adapter.postgres.PostgresSettings;
import dev.switchboard.domain.MasterKeyRing;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
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
                    new HttpConfig("0.0.0.0", 8080, 4L * 1024 * 1024, Duration.ofSeconds(30),
                            Duration.ofSeconds(20), Duration.ofSeconds(5), Optional.empty(), new WebSocketConfig(WebSocketSettings.defaults()), EdgeConfig.defaults(),
                            true));
        }

        @Test
        void usesTheDocumentedOfferLifetimesAndLimits() {
            assertThat(config.offers()).isEqualTo(new OfferConfig(Duration.ofSeconds(10), Duration.ofSeconds(300),
                    Duration.ofSeconds(3600), Duration.ofSeconds(120), 50));
        }

        @Test
        void keepsEverythingInMemoryAndSweepsEveryThirtySeconds() {
            assertThat(config.store()).isEqualTo(StoreConfig.inMemory(Duration.ofSeconds(30)));
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
                    "SWITCHBOARD_HTTP_PORT", "9090",
                    "SWITCHBOARD_HTTP_SHUTDOWN_GRACE_SECONDS", "45",
                    "SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS", "0",
                    "SWITCHBOARD_OFFER_TTL_MIN_SECONDS", "5",
                    "SWITCHBOARD_MAX_CANDIDATES_PER_SIDE", "7",
                    "SWITCHBOARD_STORE", "memory"));

            assertThat(config.http().host()).isEqualTo("127.0.0.1");
            assertThat(config.http().port()).isEqualTo(9090);
            assertThat(config.http().shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
            assertThat(config.http().shutdownDrain()).isZero();
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
        void turnsTheDemoPageAndTheJavaScriptClientOff() {
            assertThat(read(Map.of("SWITCHBOARD_HTTP_DEMO_ENABLED", "false")).http().demoEnabled()).isFalse();
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
                    "SWITCHBOARD_STORE", "cassandra",
                    "SWITCHBOARD_SIGNATURE_WINDOW_SECONDS", "0",
                    "SWITCHBOARD_OFFER_TTL_DEFAULT_SECONDS", "7200",
                    "SWITCHBOARD_HTTP_PROT", "8080"));

            assertThat(refused.problems()).hasSize(5);
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_HTTP_PORT: ").contains("0 to 65535").contains("\"http\""));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .isEqualTo("SWITCHBOARD_STORE: must be one of [memory, postgres], was \"cassandra\""));
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
        void refusesANegativeOrOverlongShutdownDrain() {
            assertThat(refusal(Map.of("SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS", "-1")).problems()).containsExactly(
                    "SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS: must be a whole number from 0 to 300, was \"-1\"");
            assertThat(refusal(Map.of("SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS", "301")).problems()).containsExactly(
                    "SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS: must be a whole number from 0 to 300, was \"301\"");
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

    @Nested
    class WhenThePostgresStoreIsChosen {
        private static final String URL = "jdbc:postgresql://db:5432/switchboard";

        private final Map<String, String> minimal = Map.of(
                "SWITCHBOARD_STORE", "postgres", "SWITCHBOARD_DATABASE_URL", URL, "SWITCHBOARD_MASTER_KEY", KEY_A,
                "SWITCHBOARD_SIGNING_KEY", KEY_B);

        @Test
        void connectsAsSwitchboardWithTheDocumentedPoolAndTimeoutAndMigratesOnStart() {
            SwitchboardConfig config = read(minimal);

            assertThat(config.store().kind()).isEqualTo(StoreKind.POSTGRES);
            assertThat(config.store().database()).contains(new DatabaseConfig(
                    new PostgresSettings(URL, "switchboard", "", 2, 20, Duration.ofSeconds(5)), true));
        }

        @Test
        void readsEveryDatabaseSetting() {
            Map<String, String> environment = new HashMap<>(minimal);
            environment.putAll(Map.of(
                    "SWITCHBOARD_DATABASE_USER", "signaling",
                    "SWITCHBOARD_DATABASE_PASSWORD", "s3cret",
                    "SWITCHBOARD_DATABASE_POOL_MIN", "4",
                    "SWITCHBOARD_DATABASE_POOL_MAX", "8",
                    "SWITCHBOARD_DATABASE_CONNECT_TIMEOUT_SECONDS", "2",
                    "SWITCHBOARD_MIGRATE_ON_START", "FALSE"));

            assertThat(read(environment).store().database()).contains(new DatabaseConfig(
                    new PostgresSettings(URL, "signaling", "s3cret", 4, 8, Duration.ofSeconds(2)), false));
        }

        @Test
        void reportsAMissingUrlAndMissingKeysTogetherWithEveryOtherProblem() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_STORE", "postgres", "SWITCHBOARD_HTTP_PORT", "http"));

            assertThat(refused.problems()).hasSize(4);
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_SIGNING_KEY: is required with the postgres store")
                    .contains("every instance sharing the database"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_HTTP_PORT: "));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_DATABASE_URL: is required with the postgres store"));
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_MASTER_KEY: is required with the postgres store")
                    .contains("unreadable after a restart"));
        }

        @Test
        void reportsAMalformedMasterKeyOnlyAsMalformed() {
            Map<String, String> environment = new HashMap<>(minimal);
            environment.put("SWITCHBOARD_MASTER_KEY", "not-a-key");

            assertThat(refusal(environment).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_MASTER_KEY: ").doesNotContain("is required");
        }

        @Test
        void refusesAUrlOfAnotherDatabaseWithoutEchoingIt() {
            Map<String, String> environment = new HashMap<>(minimal);
            environment.put("SWITCHBOARD_DATABASE_URL", "jdbc:mysql://db/switchboard?password=hunter2");

            InvalidConfigurationException refused = refusal(environment);

            assertThat(refused.problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_DATABASE_URL: must start with jdbc:postgresql:");
            assertThat(refused.getMessage()).doesNotContain("hunter2");
        }

        @Test
        void refusesAPoolWhoseMinimumExceedsItsMaximum() {
            Map<String, String> environment = new HashMap<>(minimal);
            environment.putAll(Map.of("SWITCHBOARD_DATABASE_POOL_MIN", "30", "SWITCHBOARD_DATABASE_POOL_MAX", "10"));

            assertThat(refusal(environment).problems()).containsExactly(
                    "SWITCHBOARD_DATABASE_POOL_MIN (30) must not exceed SWITCHBOARD_DATABASE_POOL_MAX (10)");
        }

        @Test
        void refusesAMigrateOnStartThatIsNeitherTrueNorFalse() {
            Map<String, String> environment = new HashMap<>(minimal);
            environment.put("SWITCHBOARD_MIGRATE_ON_START", "yes");

            assertThat(refusal(environment).problems())
                    .containsExactly("SWITCHBOARD_MIGRATE_ON_START: must be true or false, was \"yes\"");
        }

        @Test
        void neverShowsThePasswordWhenDescribed() {
            Map<String, String> environment = new HashMap<>(minimal);
            environment.put("SWITCHBOARD_DATABASE_URL", URL + "?password=inTheUrl");
            environment.put("SWITCHBOARD_DATABASE_PASSWORD", "s3cret");

            String described = read(environment).toString();

            assertThat(described).contains("jdbc:postgresql://db:5432/switchboard?password=***")
                    .doesNotContain("s3cret").doesNotContain("inTheUrl");
        }
    }

    @Nested
    class WhenTheMemoryStoreIsGivenDatabaseSettings {
        @Test
        void refusesThemRatherThanKeepEverythingInMemoryUnnoticed() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db:5432/switchboard",
                    "SWITCHBOARD_MIGRATE_ON_START", "false"));

            String unused = ": is only used by the postgres store, but SWITCHBOARD_STORE is memory";
            assertThat(refused.problems()).containsExactlyInAnyOrder(
                    "SWITCHBOARD_DATABASE_URL" + unused, "SWITCHBOARD_MIGRATE_ON_START" + unused);
        }

        @Test
        void leavesThemAloneWhileTheStoreItselfIsUnknown() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_STORE", "postgress", "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db/switchboard"));

            assertThat(refused.problems()).singleElement().asString().startsWith("SWITCHBOARD_STORE: ");
        }
    }

    @Nested
    class WhenReadForTheMigrateCommand {
        @Test
        void needsNoMasterKey() {
            DatabaseConfig database = SwitchboardConfig.databaseFrom(Map.of(
                    "SWITCHBOARD_STORE", "postgres", "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db/switchboard"),
                    new Properties());

            assertThat(database.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://db/switchboard");
        }

        @Test
        void refusesTheMemoryStoreWhichHasNoSchema() {
            InvalidConfigurationException refused = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> SwitchboardConfig.databaseFrom(Map.of(), new Properties()));

            assertThat(refused.problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_STORE: must be postgres to migrate");
        }

        @Test
        void stillChecksEveryOtherSetting() {
            InvalidConfigurationException refused = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> SwitchboardConfig.databaseFrom(
                            Map.of("SWITCHBOARD_STORE", "postgres", "SWITCHBOARD_HTTP_PROT", "1"), new Properties()));

            assertThat(refused.problems()).containsExactlyInAnyOrder(
                    "SWITCHBOARD_DATABASE_URL: is required with the postgres store, "
                            + "for example jdbc:postgresql://db:5432/switchboard",
                    "SWITCHBOARD_HTTP_PROT: unknown setting (misspelt?)");
        }
    }
}
