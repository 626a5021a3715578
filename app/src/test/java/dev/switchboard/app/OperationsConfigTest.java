package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.domain.RateLimitPolicy;
import dev.switchboard.domain.RateLimitPolicy.Budget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of issue 6: rate limits, the HTTP edge, credential lifetime, metrics and the rotate-keys command. */
class OperationsConfigTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static SwitchboardConfig read(Map<String, String> environment) {
        return SwitchboardConfig.from(environment, new Properties());
    }

    private static List<String> problems(Map<String, String> environment) {
        return catchThrowableOfType(InvalidConfigurationException.class, () -> read(environment)).problems();
    }

    @Nested
    class WhenNothingIsConfigured {
        private final SwitchboardConfig config = read(Map.of());

        @Test
        void limitsWithTheDomainsDocumentedBudgets() {
            assertThat(config.rateLimits().policy()).isEqualTo(RateLimitPolicy.defaults());
        }

        @Test
        void trustsNoProxyAllowsNoBrowserOriginAndServesPlainHttp() {
            assertThat(config.http().edge()).isEqualTo(EdgeConfig.defaults());
            assertThat(config.http().edge().trustedProxies()).isEmpty();
            assertThat(config.http().edge().allowedOrigins()).isEmpty();
            assertThat(config.http().edge().tls()).isEmpty();
        }

        @Test
        void acceptsCredentialsForThirtyDaysAndServesMetrics() {
            assertThat(config.signing().credentialLifetime()).isEqualTo(Duration.ofDays(30));
            assertThat(config.metrics().enabled()).isTrue();
        }
    }

    @Nested
    class WhenRateLimitsAreGiven {
        @Test
        void readsQuotaPerWindowAndOff() {
            RateLimitPolicy policy = read(Map.of(
                    "SWITCHBOARD_RATE_LIMIT_API_PER_ADDRESS", "1200/1m",
                    "SWITCHBOARD_RATE_LIMIT_API_PER_IDENTITY", "off",
                    "SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS", "10/1h",
                    "SWITCHBOARD_RATE_LIMIT_WS_CONNECTS_PER_ADDRESS", "5/30s",
                    "SWITCHBOARD_RATE_LIMIT_WS_MESSAGES_PER_IDENTITY", "OFF")).rateLimits().policy();

            assertThat(policy).isEqualTo(new RateLimitPolicy(
                    Optional.of(new Budget(1200, Duration.ofMinutes(1))),
                    Optional.empty(),
                    Optional.of(new Budget(10, Duration.ofHours(1))),
                    Optional.of(new Budget(5, Duration.ofSeconds(30))),
                    Optional.empty()));
        }

        @Test
        void reportsEveryMalformedOrOutOfRangeBudgetTogether() {
            assertThat(problems(Map.of(
                    "SWITCHBOARD_RATE_LIMIT_API_PER_ADDRESS", "1200",
                    "SWITCHBOARD_RATE_LIMIT_API_PER_IDENTITY", "0/1m",
                    "SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS", "10/2d",
                    "SWITCHBOARD_RATE_LIMIT_WS_CONNECTS_PER_ADDRESS", "ten/1m")))
                    .hasSize(4)
                    .allSatisfy(problem -> assertThat(problem).contains("must be <quota>/<window>"))
                    .anySatisfy(problem -> assertThat(problem).startsWith("SWITCHBOARD_RATE_LIMIT_API_PER_ADDRESS"))
                    .anySatisfy(problem -> assertThat(problem).contains("\"10/2d\""));
        }
    }

    @Nested
    class WhenTheEdgeIsConfigured {
        @Test
        void readsProxiesOriginsLimitsAndTimeouts() {
            EdgeConfig edge = read(Map.of(
                    "SWITCHBOARD_HTTP_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1",
                    "SWITCHBOARD_HTTP_CORS_ORIGINS", "https://App.Example.com,http://localhost:3000",
                    "SWITCHBOARD_HTTP_HSTS_MAX_AGE", "180d",
                    "SWITCHBOARD_HTTP_MAX_HEADERS", "50",
                    "SWITCHBOARD_HTTP_MAX_HEADER_BYTES", "8192",
                    "SWITCHBOARD_HTTP_MAX_JSON_DEPTH", "16",
                    "SWITCHBOARD_HTTP_REQUEST_TIMEOUT", "2m",
                    "SWITCHBOARD_HTTP_HEADER_TIMEOUT", "5")).http().edge();

            assertThat(edge).isEqualTo(new EdgeConfig(
                    List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"),
                    List.of("https://app.example.com", "http://localhost:3000"),
                    Duration.ofDays(180), 50, 8192, 16, Duration.ofMinutes(2), Duration.ofSeconds(5),
                    Optional.empty()));
        }

        @Test
        void refusesHostNamesBadRangesAndOriginsWithPathsOrWildcards() {
            assertThat(problems(Map.of(
                    "SWITCHBOARD_HTTP_TRUSTED_PROXIES", "proxy.internal,10.0.0.0/33,300.1.1.1",
                    "SWITCHBOARD_HTTP_CORS_ORIGINS", "*,https://app.example.com/path,ftp://x.example")))
                    .hasSize(6)
                    .anySatisfy(problem -> assertThat(problem).contains("\"proxy.internal\"")
                            .contains("host names are not resolved"))
                    .anySatisfy(problem -> assertThat(problem).contains("\"*\"").contains("no wildcard"));
        }

        @Test
        void refusesDurationsItCannotRead() {
            assertThat(problems(Map.of("SWITCHBOARD_HTTP_HEADER_TIMEOUT", "5 minutes")))
                    .singleElement().asString()
                    .startsWith("SWITCHBOARD_HTTP_HEADER_TIMEOUT: must be a duration such as 30s, 5m, 12h or 30d");
        }
    }

    @Nested
    class WhenTlsIsConfigured {
        @TempDir
        Path directory;

        @Test
        void opensTheKeyStoreAtStartUpAndNeverShowsItsPassword() throws Exception {
            Path store = keyStore("right-password");

            EdgeConfig edge = read(Map.of(
                    "SWITCHBOARD_HTTP_TLS_KEYSTORE", store.toString(),
                    "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", "right-password")).http().edge();

            assertThat(edge.tls()).contains(new TlsConfig(store, "right-password", "PKCS12"));
            assertThat(edge.tls().orElseThrow().toString()).doesNotContain("right-password");
        }

        @Test
        void refusesAWrongPasswordOrAMissingFileWithoutEchoingThePassword() throws Exception {
            Path store = keyStore("right-password");

            assertThat(problems(Map.of(
                    "SWITCHBOARD_HTTP_TLS_KEYSTORE", store.toString(),
                    "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", "wrong-password")))
                    .singleElement().asString()
                    .startsWith("SWITCHBOARD_HTTP_TLS_KEYSTORE: cannot open PKCS12 key store")
                    .doesNotContain("wrong-password");
            assertThat(problems(Map.of(
                    "SWITCHBOARD_HTTP_TLS_KEYSTORE", directory.resolve("missing.p12").toString(),
                    "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", "secret-word")))
                    .singleElement().asString().contains("missing.p12").doesNotContain("secret-word");
        }

        @Test
        void refusesAPasswordWithoutAKeyStore() {
            assertThat(problems(Map.of("SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", "secret-word")))
                    .singleElement().asString().startsWith("SWITCHBOARD_HTTP_TLS_KEYSTORE: is required");
        }

        private Path keyStore(String password) throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Path file = directory.resolve("server.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        }
    }

    @Nested
    class WhenTheCredentialLifetimeAndMetricsAreGiven {
        @Test
        void readsALifetimeWithAUnitAndTurnsMetricsOff() {
            SwitchboardConfig config = read(Map.of(
                    "SWITCHBOARD_CREDENTIAL_LIFETIME", "7d",
                    "SWITCHBOARD_METRICS_ENABLED", "false"));

            assertThat(config.signing().credentialLifetime()).isEqualTo(Duration.ofDays(7));
            assertThat(config.metrics().enabled()).isFalse();
        }

        @Test
        void refusesALifetimeShorterThanAnHour() {
            assertThat(problems(Map.of("SWITCHBOARD_CREDENTIAL_LIFETIME", "30m")))
                    .singleElement().asString().startsWith("SWITCHBOARD_CREDENTIAL_LIFETIME: must be a duration")
                    .contains("from 1h to 3650d");
        }
    }

    @Nested
    class WhenReadForTheRotateKeysCommand {
        @Test
        void needsTheCurrentMasterKeyEvenOnTheMemoryStore() {
            InvalidConfigurationException refused = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> SwitchboardConfig.forKeyRotation(Map.of(), new Properties()));

            assertThat(refused.problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_MASTER_KEY: is required to rotate keys");
        }

        @Test
        void readsTheSameSettingsAsServing() {
            SwitchboardConfig config = SwitchboardConfig.forKeyRotation(
                    Map.of("SWITCHBOARD_MASTER_KEY", KEY, "SWITCHBOARD_HTTP_PORT", "9090"), new Properties());

            assertThat(config.signing().masterKeys()).isPresent();
            assertThat(config.http().port()).isEqualTo(9090);
        }
    }

    @Nested
    class DurationsAsWritten {
        @Test
        void readsEachUnitAndBareSeconds() {
            assertThat(DurationText.parse("90")).contains(Duration.ofSeconds(90));
            assertThat(DurationText.parse("90s")).contains(Duration.ofSeconds(90));
            assertThat(DurationText.parse("5m")).contains(Duration.ofMinutes(5));
            assertThat(DurationText.parse("12H")).contains(Duration.ofHours(12));
            assertThat(DurationText.parse("30d")).contains(Duration.ofDays(30));
            assertThat(DurationText.parse("1.5h")).isEmpty();
            assertThat(DurationText.parse("-5s")).isEmpty();
            assertThat(DurationText.parse("PT5S")).isEmpty();
        }

        @Test
        void writesTheShortestFormItReadsBack() {
            assertThat(DurationText.format(Duration.ofDays(30))).isEqualTo("30d");
            assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
            assertThat(DurationText.format(Duration.ofSeconds(61))).isEqualTo("61s");
            assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        }
    }
}
