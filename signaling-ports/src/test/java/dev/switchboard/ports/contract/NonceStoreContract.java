package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What every {@link NonceStore} must do; an adapter's test extends this and supplies the store. */
public abstract class NonceStoreContract {
    private static final Instant WINDOW_END = NOW.plus(Duration.ofMinutes(1));

    private NonceStore store;
    private final String keyId = randomKeyId();

    /**
     * A new store holding no nonces: {@code forgetExpired} counts every nonce of the store, so a
     * database-backed adapter empties its table here.
     */
    protected abstract NonceStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @Nested
    class Remembering {
        @Test
        void acceptsANewNonceOnceOnly() {
            assertThat(store.rememberIfAbsent(keyId, "n-1", WINDOW_END)).isTrue();
            assertThat(store.rememberIfAbsent(keyId, "n-1", WINDOW_END)).isFalse();
        }

        @Test
        void keepsTheSameNonceOfDifferentKeysApart() {
            store.rememberIfAbsent(keyId, "n-1", WINDOW_END);

            assertThat(store.rememberIfAbsent(randomKeyId(), "n-1", WINDOW_END)).isTrue();
        }

        @Test
        void keepsDifferentNoncesOfOneKeyApart() {
            store.rememberIfAbsent(keyId, "n-1", WINDOW_END);

            assertThat(store.rememberIfAbsent(keyId, "n-2", WINDOW_END)).isTrue();
        }

        @Test
        void stillRejectsANoncePastItsWindowUntilItIsForgotten() {
            store.rememberIfAbsent(keyId, "n-1", NOW);

            assertThat(store.rememberIfAbsent(keyId, "n-1", WINDOW_END)).isFalse();
        }

        @Test
        void letsExactlyOneOfAThousandConcurrentCallsWin() {
            List<Boolean> outcomes = Race.run(1000, i -> store.rememberIfAbsent(keyId, "contested", WINDOW_END));

            assertThat(outcomes).containsOnlyOnce(true).hasSize(1000);
        }

        @Test
        void acceptsEveryOneOfAThousandDistinctConcurrentNonces() {
            List<Boolean> outcomes = Race.run(1000, i -> store.rememberIfAbsent(keyId, "n-" + i, WINDOW_END));

            assertThat(outcomes).containsOnly(true).hasSize(1000);
        }
    }

    @Nested
    class Forgetting {
        @Test
        void forgetsNoncesWhoseWindowEndedAtOrBeforeNowAndCountsThem() {
            store.rememberIfAbsent(keyId, "ended-before", NOW.minusMillis(1));
            store.rememberIfAbsent(keyId, "ends-now", NOW);
            store.rememberIfAbsent(keyId, "ends-later", NOW.plusMillis(1));

            assertThat(store.forgetExpired(NOW)).isEqualTo(2);

            assertThat(store.rememberIfAbsent(keyId, "ended-before", WINDOW_END)).isTrue();
            assertThat(store.rememberIfAbsent(keyId, "ends-now", WINDOW_END)).isTrue();
            assertThat(store.rememberIfAbsent(keyId, "ends-later", WINDOW_END)).isFalse();
        }

        @Test
        void forgetsNothingWhenNothingExpired() {
            store.rememberIfAbsent(keyId, "n-1", WINDOW_END);

            assertThat(store.forgetExpired(NOW)).isZero();
            assertThat(store.rememberIfAbsent(keyId, "n-1", WINDOW_END)).isFalse();
        }

        @Test
        void forgetsEachNonceOnlyOnce() {
            store.rememberIfAbsent(keyId, "n-1", NOW);
            store.forgetExpired(NOW);

            assertThat(store.forgetExpired(NOW)).isZero();
        }
    }
}
