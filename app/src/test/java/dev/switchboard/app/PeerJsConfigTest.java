package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.adapter.peerjs.PeerJsSettings;
import dev.switchboard.domain.PeerJsPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The {@code SWITCHBOARD_PEERJS_*} settings: the {@code peer} server's options under its names and defaults. */
class PeerJsConfigTest {

    private static SwitchboardConfig read(Map<String, String> environment) {
        return SwitchboardConfig.from(environment, new Properties());
    }

    private static InvalidConfigurationException refusal(Map<String, String> environment) {
        return catchThrowableOfType(InvalidConfigurationException.class, () -> read(environment));
    }

    @Nested
    class WhenNothingIsConfigured {
        private final PeerJsConfig peerJs = read(Map.of()).peerJs();

        @Test
        void servesOnPort9000UnderTheRootWithThePeerServersDefaults() {
            assertThat(peerJs.enabled()).isTrue();
            assertThat(peerJs.port()).isEqualTo(9000);
            assertThat(peerJs.path()).isEqualTo("/");
            assertThat(peerJs.host()).isEqualTo("0.0.0.0");
            assertThat(peerJs.policy()).isEqualTo(PeerJsPolicy.defaults());
            assertThat(peerJs.policy().expireTimeout()).isEqualTo(Duration.ofMillis(5000));
            assertThat(peerJs.policy().aliveTimeout()).isEqualTo(Duration.ofMillis(60_000));
            assertThat(peerJs.policy().concurrentLimit()).isEqualTo(5000);
            assertThat(peerJs.policy().allowDiscovery()).isFalse();
            assertThat(peerJs.policy().keys()).containsExactly("peerjs");
        }

        @Test
        void allowsAnyOriginAndFramesLargeEnoughForTheLargestPayload() {
            PeerJsSettings settings = peerJs.settings(Duration.ofSeconds(20));

            assertThat(settings.allowedOrigins()).isEmpty();
            assertThat(settings.maxFrameBytes()).isGreaterThan(peerJs.maxPayloadBytes());
            assertThat(settings.pingInterval()).isEqualTo(Duration.ofSeconds(15));
            assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
        }

        @Test
        void letsAnyClientTakeAnyFreeIdAsPeerDoes() {
            assertThat(peerJs.authentication()).isEqualTo(PeerJsPolicy.Authentication.NONE);
            assertThat(peerJs.policy().requiresTokens()).isFalse();
            assertThat(peerJs.policy().tokenLifetime()).isEqualTo(Duration.ofHours(24));
        }

        @Test
        void servesPlainWebSocketsTrustingTheHttpApisProxiesWithAGenerousFrameRate() {
            SwitchboardConfig config = read(Map.of("SWITCHBOARD_HTTP_TRUSTED_PROXIES", "10.0.0.0/8"));
            PeerJsSettings settings = config.peerJs().settings(Duration.ofSeconds(20), config.http().edge());

            assertThat(settings.tls()).isEmpty();
            assertThat(settings.trustedProxies()).containsExactly("10.0.0.0/8");
            assertThat(settings.framesPerSecond()).isEqualTo(100);
            assertThat(settings.frameBurst()).isEqualTo(200);
        }

        @Test
        void listensOnTheHttpApisInterface() {
            assertThat(read(Map.of("SWITCHBOARD_HTTP_HOST", "127.0.0.1")).peerJs().host()).isEqualTo("127.0.0.1");
        }
    }

    @Nested
    class WhenEverySettingIsGiven {
        private final PeerJsConfig peerJs = read(Map.ofEntries(
                Map.entry("SWITCHBOARD_PEERJS_ENABLED", "true"),
                Map.entry("SWITCHBOARD_PEERJS_HOST", "127.0.0.2"),
                Map.entry("SWITCHBOARD_PEERJS_PORT", "9100"),
                Map.entry("SWITCHBOARD_PEERJS_PATH", "/myapp"),
                Map.entry("SWITCHBOARD_PEERJS_KEYS", "peerjs, team-a"),
                Map.entry("SWITCHBOARD_PEERJS_EXPIRE_TIMEOUT", "3000"),
                Map.entry("SWITCHBOARD_PEERJS_ALIVE_TIMEOUT", "2m"),
                Map.entry("SWITCHBOARD_PEERJS_CONCURRENT_LIMIT", "100"),
                Map.entry("SWITCHBOARD_PEERJS_ALLOW_DISCOVERY", "true"),
                Map.entry("SWITCHBOARD_PEERJS_CORS_ORIGINS", "https://App.example.com, http://localhost:3000"),
                Map.entry("SWITCHBOARD_PEERJS_MAX_QUEUED_PER_PEER", "10"),
                Map.entry("SWITCHBOARD_PEERJS_MAX_QUEUED_TOTAL", "1000"),
                Map.entry("SWITCHBOARD_PEERJS_MAX_PAYLOAD_BYTES", "16384"),
                Map.entry("SWITCHBOARD_PEERJS_MAX_FRAME_BYTES", "32768"),
                Map.entry("SWITCHBOARD_PEERJS_AUTHENTICATION", "Token"),
                Map.entry("SWITCHBOARD_PEERJS_TOKEN_LIFETIME", "2h"),
                Map.entry("SWITCHBOARD_PEERJS_MAX_FRAMES_PER_SECOND", "20"),
                Map.entry("SWITCHBOARD_PEERJS_FRAME_BURST", "40"))).peerJs();

        @Test
        void buildsThePolicyFromThem() {
            assertThat(peerJs.policy()).isEqualTo(new PeerJsPolicy(Set.of("peerjs", "team-a"), Duration.ofSeconds(3),
                    Duration.ofMinutes(2), 100, true, 10, 1000, 16384, PeerJsPolicy.Authentication.TOKEN,
                    Duration.ofHours(2)));
        }

        @Test
        void limitsEachSocketsFrameRate() {
            PeerJsSettings settings = peerJs.settings(Duration.ofSeconds(5));

            assertThat(settings.framesPerSecond()).isEqualTo(20);
            assertThat(settings.frameBurst()).isEqualTo(40);
        }

        @Test
        void buildsTheAdaptersSettingsFromThem() {
            PeerJsSettings settings = peerJs.settings(Duration.ofSeconds(5));

            assertThat(settings.host()).isEqualTo("127.0.0.2");
            assertThat(settings.port()).isEqualTo(9100);
            assertThat(settings.path()).isEqualTo("/myapp/");
            assertThat(settings.allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
            assertThat(settings.maxFrameBytes()).isEqualTo(32768);
        }

        @Test
        void pingsOftenEnoughThatAClientAnsweringPingsNeverTimesOut() {
            PeerJsConfig quick = read(Map.of("SWITCHBOARD_PEERJS_ALIVE_TIMEOUT", "2000")).peerJs();

            assertThat(quick.settings(Duration.ZERO).pingInterval()).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Nested
    class WhenSettingsAreInvalid {

        @Test
        void reportsEveryProblemTogether() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_PEERJS_PORT", "nine thousand",
                    "SWITCHBOARD_PEERJS_PATH", "my app",
                    "SWITCHBOARD_PEERJS_KEYS", "peerjs,bad key",
                    "SWITCHBOARD_PEERJS_EXPIRE_TIMEOUT", "50",
                    "SWITCHBOARD_PEERJS_ALLOW_DISCOVERY", "yes",
                    "SWITCHBOARD_PEERJS_CORS_ORIGINS", "https://a.example.com/path"));

            assertThat(refused.problems()).hasSize(6);
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_PORT: "))
                    .anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_PATH: ").contains("my app"))
                    .anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_KEYS: ").contains("bad key"))
                    .anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_EXPIRE_TIMEOUT: ").contains("100"))
                    .anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_ALLOW_DISCOVERY: "))
                    .anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_CORS_ORIGINS: "));
        }

        @Test
        void refusesAnUnknownAuthenticationAndALifetimeOutOfBounds() {
            assertThat(refusal(Map.of("SWITCHBOARD_PEERJS_AUTHENTICATION", "password",
                    "SWITCHBOARD_PEERJS_TOKEN_LIFETIME", "31d")).problems())
                    .anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_AUTHENTICATION: ").contains("token"))
                    .anySatisfy(p -> assertThat(p).startsWith("SWITCHBOARD_PEERJS_TOKEN_LIFETIME: "))
                    .hasSize(2);
        }

        @Test
        void refusesTlsWithoutTheHttpApisKeyStore() {
            assertThat(refusal(Map.of("SWITCHBOARD_PEERJS_TLS", "true")).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_PEERJS_TLS: ").contains("SWITCHBOARD_HTTP_TLS_KEYSTORE");
        }

        @Test
        void refusesAFrameRateOfZero() {
            assertThat(refusal(Map.of("SWITCHBOARD_PEERJS_MAX_FRAMES_PER_SECOND", "0")).problems()).singleElement()
                    .asString().startsWith("SWITCHBOARD_PEERJS_MAX_FRAMES_PER_SECOND: ");
        }

        @Test
        void refusesThePortOfTheHttpApi() {
            assertThat(refusal(Map.of("SWITCHBOARD_HTTP_PORT", "9000")).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_PEERJS_PORT: ").contains("SWITCHBOARD_HTTP_PORT");
        }

        @Test
        void acceptsThePortOfTheHttpApiWhenThePeerJsEndpointIsOff() {
            assertThat(read(Map.of("SWITCHBOARD_HTTP_PORT", "9000", "SWITCHBOARD_PEERJS_ENABLED", "false"))
                    .peerJs().enabled()).isFalse();
        }

        @Test
        void refusesFramesTooSmallForTheLargestPayload() {
            assertThat(refusal(Map.of("SWITCHBOARD_PEERJS_MAX_PAYLOAD_BYTES", "65536",
                    "SWITCHBOARD_PEERJS_MAX_FRAME_BYTES", "65536")).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_PEERJS_MAX_FRAME_BYTES");
        }

        @Test
        void refusesATotalQueueSmallerThanOnePeers() {
            assertThat(refusal(Map.of("SWITCHBOARD_PEERJS_MAX_QUEUED_PER_PEER", "100",
                    "SWITCHBOARD_PEERJS_MAX_QUEUED_TOTAL", "10")).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_PEERJS_MAX_QUEUED_TOTAL");
        }
    }
}
