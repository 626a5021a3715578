package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.SignalingStorage;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimedStorageTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SignalingStorage storage = TimedStorage.wrap(new InMemoryStorage(), registry);

    private Timer timer(String store, String operation) {
        return registry.find(TimedStorage.METER).tag("store", store).tag("operation", operation).timer();
    }

    @Test
    void timesEachCallTaggedWithItsStoreAndOperationAndPassesTheResultThrough() {
        NonceStore nonces = storage.nonces();

        assertThat(nonces.rememberIfAbsent("key", "nonce-1", NOW.plusSeconds(60))).isTrue();
        assertThat(nonces.rememberIfAbsent("key", "nonce-1", NOW.plusSeconds(60))).isFalse();

        assertThat(timer("nonces", "rememberIfAbsent").count()).isEqualTo(2);
        assertThat(timer("nonces", "forgetExpired")).isNull();
    }

    @Test
    void handsOutOneTimedProxyPerStore() {
        assertThat(storage.offers()).isSameAs(storage.offers());
        assertThat(Proxy.isProxyClass(storage.credentials().getClass())).isTrue();
    }

    @Test
    void timesTheStoragesOwnCallsAndKeepsItsAnswers() {
        assertThat(storage.health().kind()).isEqualTo(InMemoryStorage.KIND);

        assertThat(timer("storage", "health").count()).isEqualTo(1);
    }

    @Test
    void rethrowsWhatTheStoreThrewUnwrappedAndStillTimesTheCall() {
        assertThatThrownBy(() -> storage.nonces().rememberIfAbsent(null, null, null))
                .isNotInstanceOf(UndeclaredThrowableException.class)
                .isInstanceOf(NullPointerException.class).hasMessage("rememberUntil");

        assertThat(timer("nonces", "rememberIfAbsent").count()).isEqualTo(1);
    }
}
