package dev.switchboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerJsPolicyTest {

    @Test
    void defaultsToThePeerServersOptions() {
        PeerJsPolicy defaults = PeerJsPolicy.defaults();

        assertThat(defaults.keys()).containsExactly("peerjs");
        assertThat(defaults.expireTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.aliveTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.concurrentLimit()).isEqualTo(5000);
        assertThat(defaults.allowDiscovery()).isFalse();
        assertThat(defaults.authentication()).isEqualTo(PeerJsPolicy.Authentication.NONE);
        assertThat(defaults.requiresTokens()).isFalse();
        assertThat(defaults.tokenLifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void requiresTokensOnlyWhenAskedTo() {
        PeerJsPolicy tokens = PeerJsPolicy.defaults()
                .withAuthentication(PeerJsPolicy.Authentication.TOKEN, Duration.ofHours(1));

        assertThat(tokens.requiresTokens()).isTrue();
        assertThat(tokens.tokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(tokens.keys()).isEqualTo(PeerJsPolicy.defaults().keys());
    }

    @Test
    void refusesATokenLifetimeOutsideAMinuteToThirtyDays() {
        assertThatThrownBy(() -> PeerJsPolicy.defaults()
                .withAuthentication(PeerJsPolicy.Authentication.TOKEN, Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenLifetime");
        assertThatThrownBy(() -> PeerJsPolicy.defaults()
                .withAuthentication(PeerJsPolicy.Authentication.TOKEN, Duration.ofDays(31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenLifetime");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> new PeerJsPolicy(Set.of("no spaces"), Duration.ofMillis(10), Duration.ofMillis(10),
                0, false, 10, 5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key \"no spaces\"")
                .hasMessageContaining("expireTimeout")
                .hasMessageContaining("aliveTimeout")
                .hasMessageContaining("concurrentLimit")
                .hasMessageContaining("maxQueuedTotal")
                .hasMessageContaining("maxPayloadChars");
    }

    @Test
    void refusesToServeNoRealmAtAll() {
        assertThatThrownBy(() -> new PeerJsPolicy(Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(60), 10, false,
                10, 10, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys must name at least one key");
    }
}
