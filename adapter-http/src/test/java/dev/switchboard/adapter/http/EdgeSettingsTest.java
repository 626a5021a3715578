package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeSettingsTest {

    @Test
    void defaultsToTheDocumentedValues() {
        EdgeSettings defaults = EdgeSettings.defaults();

        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.allowedOrigins()).isEmpty();
        assertThat(defaults.hstsMaxAge()).isEqualTo(Duration.ofDays(365));
        assertThat(defaults.maxHeaderCount()).isEqualTo(100);
        assertThat(defaults.maxHeaderBytes()).isEqualTo(16 * 1024);
        assertThat(defaults.maxJsonDepth()).isEqualTo(32);
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.tls()).isEmpty();
        assertThat(HttpSettings.defaults().edge()).isEqualTo(defaults);
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> new EdgeSettings(List.of("10.0.0.0/8", "proxy.internal", "10.0.0.0/40"),
                List.of("https://app.example.com", "*", "https://app.example.com/path", "app.example.com"),
                Duration.ofMillis(1500), 0, 100, 0, Duration.ZERO, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("proxy.internal", "10.0.0.0/40", "was *", "app.example.com/path",
                        "was app.example.com", "hstsMaxAge", "maxHeaderCount", "maxHeaderBytes", "maxJsonDepth",
                        "requestTimeout", "headerReadTimeout", "tls")
                .message().doesNotContain("10.0.0.0/8;");
    }

    @Test
    void acceptsIpv6BlocksAndOriginsWithPorts() {
        EdgeSettings edge = EdgeSettings.defaults().withTrustedProxies(List.of("::1/128", "fd00::/8", "192.0.2.7"))
                .withAllowedOrigins(List.of("http://localhost:5173", "https://app.example.com"));

        assertThat(edge.trustedProxies()).hasSize(3);
        assertThat(edge.allowedOrigins()).containsExactly("http://localhost:5173", "https://app.example.com");
    }

    @Test
    void refusesAnUnknownKeyStoreTypeAndAMissingFile() {
        assertThatThrownBy(() -> new TlsSettings(null, "secret", "PEM"))
                .hasMessageContainingAll("keyStore must be given", "PKCS12 or JKS")
                .message().doesNotContain("secret");
    }

    @Test
    void changesOnlyTheEdgeWithEdge() {
        EdgeSettings edge = EdgeSettings.defaults().withTls(new TlsSettings(Path.of("server.p12"), "pw", "PKCS12"));

        HttpSettings settings = HttpSettings.defaults().withEdge(edge);

        assertThat(settings.edge().tls()).isPresent();
        assertThat(settings.withEdge(EdgeSettings.defaults())).isEqualTo(HttpSettings.defaults());
        assertThat(new EdgeSettings(List.of(), List.of(), Duration.ZERO, 1, 1024, 1, Duration.ofMillis(1),
                Duration.ofMillis(1), Optional.empty()).hstsMaxAge()).isZero();
    }
}
