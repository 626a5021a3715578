package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void defaultsToTheDocumentedValues() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.maxRequestBodyBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(defaults.maxEventWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.version()).isEqualTo("dev");
        assertThat(defaults.ioThreads()).isGreaterThanOrEqualTo(2);
        assertThat(defaults.workerThreads()).isEqualTo(8 * defaults.ioThreads());
    }

    @Test
    void changesOnlyThePortWithPort() {
        HttpSettings moved = HttpSettings.defaults().withPort(0);

        assertThat(moved.port()).isZero();
        assertThat(moved.withPort(8080)).isEqualTo(HttpSettings.defaults());
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> new HttpSettings(" ", 70_000, 0, Duration.ofMillis(1500), "", 0, 0,
                Duration.ZERO, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("host", "port", "maxRequestBodyBytes", "maxEventWait", "version",
                        "ioThreads", "workerThreads", "idleTimeout", "shutdownGrace");
    }

    @Test
    void refusesABodyLimitThatCannotBeBuffered() {
        assertThatThrownBy(() -> new HttpSettings("0.0.0.0", 8080, HttpSettings.MAX_BODY_LIMIT + 1,
                Duration.ofSeconds(30), "dev", 2, 16, Duration.ofSeconds(60), Duration.ofSeconds(5)))
                .hasMessageContaining("maxRequestBodyBytes");
    }
}
