package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerJsSettingsTest {
    @Test
    void defaultsToThePeerServersPortAndPathAllowingAnyOrigin() {
        PeerJsSettings defaults = PeerJsSettings.defaults();

        assertThat(defaults.port()).isEqualTo(9000);
        assertThat(defaults.path()).isEqualTo("/");
        assertThat(defaults.allowedOrigins()).isEmpty();
        assertThat(defaults.allows("https://any.example")).isTrue();
    }

    @Test
    void readsAPathWithoutItsTrailingSlashAsAPrefix() {
        PeerJsSettings settings = new PeerJsSettings("0.0.0.0", 9000, "/myapp", List.of("https://a.example"), 4096,
                Duration.ofSeconds(5), 1, 1, Duration.ZERO);

        assertThat(settings.path()).isEqualTo("/myapp/");
        assertThat(settings.allows("https://a.example")).isTrue();
        assertThat(settings.allows("https://b.example")).isFalse();
    }

    @Test
    void servesPlainHttpTrustingNoProxyWithAGenerousFrameRateByDefault() {
        PeerJsSettings defaults = PeerJsSettings.defaults();

        assertThat(defaults.tls()).isEmpty();
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.framesPerSecond()).isEqualTo(100);
        assertThat(defaults.frameBurst()).isEqualTo(200);
        assertThat(defaults.withFrameRate(5, 10).withTrustedProxies(List.of("10.0.0.0/8")).withPort(0))
                .satisfies(changed -> {
                    assertThat(changed.framesPerSecond()).isEqualTo(5);
                    assertThat(changed.frameBurst()).isEqualTo(10);
                    assertThat(changed.trustedProxies()).containsExactly("10.0.0.0/8");
                });
    }

    @Test
    void reportsBadProxyBlocksAndFrameRatesTogether() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PeerJsSettings.defaults().withTrustedProxies(List.of("proxy.example"))
                        .withFrameRate(0, 0))
                .withMessageContaining("trustedProxies");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PeerJsSettings.defaults().withFrameRate(0, 0))
                .withMessageContainingAll("framesPerSecond", "frameBurst");
    }

    @Test
    void reportsEveryProblemTogether() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PeerJsSettings(" ", 70_000, "myapp", List.of(""), 10, Duration.ZERO, 0, 0,
                        Duration.ofSeconds(-1)))
                .withMessageContainingAll("host", "port", "path", "allowedOrigins", "maxFrameBytes", "pingInterval",
                        "ioThreads", "workerThreads", "shutdownGrace");
    }
}
