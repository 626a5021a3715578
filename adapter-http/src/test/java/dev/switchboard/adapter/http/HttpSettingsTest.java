package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void defaultsToTheDocumentedValues() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.maxRequestBodyBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(defaults.maxChunkBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.maxEventWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.version()).isEqualTo("dev");
        assertThat(defaults.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.workerThreads()).isEqualTo(8 * Math.max(2, defaults.ioThreads()));
        assertThat(defaults.publicBaseUrl()).isEmpty();
        assertThat(defaults.webSocket()).isEqualTo(WebSocketSettings.defaults());
    }

    @Test
    void changesOnlyThePortWithPort() {
        HttpSettings moved = HttpSettings.defaults().withPort(0);

        assertThat(moved.port()).isZero();
        assertThat(moved.withPort(8080)).isEqualTo(HttpSettings.defaults());
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> new HttpSettings(" ", 70_000, 0, 0, Duration.ofMillis(1500), "", 0, 0,
                Duration.ZERO, Duration.ofSeconds(-1), Optional.of(URI.create("ftp://example.com")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("host", "port", "maxRequestBodyBytes", "maxChunkBodyBytes", "maxEventWait",
                        "version",
                        "ioThreads", "workerThreads", "idleTimeout", "shutdownGrace", "publicBaseUrl", "webSocket");
    }

    @Test
    void refusesABodyLimitThatCannotBeBuffered() {
        assertThatThrownBy(() -> new HttpSettings("0.0.0.0", 8080, HttpSettings.MAX_BODY_LIMIT + 1,
                HttpSettings.MAX_BODY_LIMIT + 1, Duration.ofSeconds(30), "dev", 2, 16, Duration.ofSeconds(60),
                Duration.ofSeconds(5), Optional.empty(), WebSocketSettings.defaults()))
                .hasMessageContainingAll("maxRequestBodyBytes", "maxChunkBodyBytes");
    }

    @Test
    void changesOnlyTheChunkLimitWithMaxChunkBodyBytes() {
        HttpSettings raised = HttpSettings.defaults().withMaxChunkBodyBytes(4L * 1024 * 1024 + 64);

        assertThat(raised.maxChunkBodyBytes()).isEqualTo(4L * 1024 * 1024 + 64);
        assertThat(raised.withMaxChunkBodyBytes(1024 * 1024)).isEqualTo(HttpSettings.defaults());
    }

    @Nested
    class PublicBaseUrl {

        @Test
        void acceptsAnHttpsUrlWithAPath() {
            URI base = URI.create("https://pair.example.com/app/");

            assertThat(HttpSettings.defaults().withPublicBaseUrl(base).publicBaseUrl()).contains(base);
        }

        @Test
        void refusesARelativeUrl() {
            assertThatThrownBy(() -> HttpSettings.defaults().withPublicBaseUrl(URI.create("/app")))
                    .hasMessageContaining("publicBaseUrl must be an absolute http or https URL");
        }

        @Test
        void refusesAUrlWithAQuery() {
            assertThatThrownBy(() -> HttpSettings.defaults().withPublicBaseUrl(URI.create("https://example.com/?a=1")))
                    .hasMessageContaining("without query or fragment");
        }
    }

    @Nested
    class WebSockets {

        @Test
        void defaultsToTheDocumentedValues() {
            WebSocketSettings defaults = WebSocketSettings.defaults();

            assertThat(defaults.pingInterval()).isEqualTo(Duration.ofSeconds(15));
            assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(defaults.keepAliveInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(defaults.maxFrameBytes()).isEqualTo(96 * 1024);
            assertThat(defaults.framesPerSecond()).isEqualTo(50);
            assertThat(defaults.frameBurst()).isEqualTo(100);
            assertThat(defaults.maxMalformedFrames()).isEqualTo(10);
            assertThat(defaults.maxConnectionsPerAddress()).isEqualTo(256);
        }

        @Test
        void changesOnlyTheConnectionLimitWithMaxConnectionsPerAddress() {
            WebSocketSettings raised = WebSocketSettings.defaults().withMaxConnectionsPerAddress(20_000);

            assertThat(raised.maxConnectionsPerAddress()).isEqualTo(20_000);
            assertThat(raised.withMaxConnectionsPerAddress(256)).isEqualTo(WebSocketSettings.defaults());
        }

        @Test
        void refusesPingsThatComeNoSoonerThanTheIdleTimeout() {
            assertThatThrownBy(() -> new WebSocketSettings(Duration.ofSeconds(45), Duration.ofSeconds(45),
                    Duration.ofSeconds(10), 4096, 50, 100, 10, 256))
                    .hasMessageContaining("pingInterval must be shorter than idleTimeout");
        }

        @Test
        void reportsEveryViolationAtOnce() {
            assertThatThrownBy(() -> new WebSocketSettings(Duration.ZERO, null, Duration.ofSeconds(-1), 100, 0, 0, 0,
                    0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("pingInterval", "idleTimeout", "keepAliveInterval", "maxFrameBytes",
                            "framesPerSecond", "frameBurst", "maxMalformedFrames", "maxConnectionsPerAddress");
        }
    }
}
