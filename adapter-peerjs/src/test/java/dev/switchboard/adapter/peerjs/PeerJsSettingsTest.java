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
    void reportsEveryProblemTogether() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PeerJsSettings(" ", 70_000, "myapp", List.of(""), 10, Duration.ZERO, 0, 0,
                        Duration.ofSeconds(-1)))
                .withMessageContainingAll("host", "port", "path", "allowedOrigins", "maxFrameBytes", "pingInterval",
                        "ioThreads", "workerThreads", "shutdownGrace");
    }
}
