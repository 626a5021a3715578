package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ports.SignalingException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The wake-up that follows a reconnect of the listener reaches subscribers only once the pool serves again: the
 * listener's own connection (outside the pool) can come back first, and a subscriber woken into a failing read
 * gives up (a WebSocket closes with "cannot deliver now"), so that one outage would close every socket at once.
 */
class PostgresResynchronisationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant LATER = Instant.parse("2999-01-01T00:00:00Z");

    @Test
    void wakesEveryoneAfterTheListenerReconnectsOnlyOnceThePoolServesAgain() throws Exception {
        String counter = "resync-" + randomKeyId();
        PostgresSettings database = TestDatabase.settings();
        try (PostgresStorage storage = PostgresStorage.create(
                database.withPoolSize(2, 2).withConnectionTimeout(Duration.ofMillis(500)));
                Connection blocker = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                        database.password())) {
            storage.counters().incrementAndGet(counter, LATER);
            List<Boolean> readsOnWaking = new CopyOnWriteArrayList<>();
            storage.events().subscribe(randomKeyId(), () -> {
                try {
                    storage.counters().get(counter, Instant.now());
                    readsOnWaking.add(true);
                } catch (SignalingException e) {
                    readsOnWaking.add(false);
                }
            });
            // Both pooled connections wait for a row lock held behind the storage's back: the pool serves no one.
            blocker.setAutoCommit(false);
            try (PreparedStatement lock =
                    blocker.prepareStatement("SELECT count FROM counters WHERE name = ? FOR UPDATE")) {
                lock.setString(1, counter);
                lock.executeQuery().close();
            }
            List<CompletableFuture<Long>> waiting = List.of(
                    CompletableFuture.supplyAsync(() -> storage.counters().incrementAndGet(counter, LATER)),
                    CompletableFuture.supplyAsync(() -> storage.counters().incrementAndGet(counter, LATER)));
            await().atMost(WAIT).until(() -> TestDatabase.admin().fetchCount(
                    DSL.table(DSL.name("pg_locks")), DSL.field(DSL.name("granted"), Boolean.class).isFalse()) >= 2);

            int cut = storage.listenerBackendPid();
            TestDatabase.terminateBackend(cut);
            await().atMost(WAIT).until(() -> storage.listenerBackendPid() > 0 && storage.listenerBackendPid() != cut);
            Thread.sleep(1_500);
            assertThat(readsOnWaking).as("nobody is woken while the pool cannot serve").isEmpty();

            blocker.commit();

            for (CompletableFuture<Long> increment : waiting) {
                assertThat(increment.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isBetween(2L, 3L);
            }
            await().atMost(WAIT).until(() -> !readsOnWaking.isEmpty());
            assertThat(readsOnWaking).containsOnly(true);
        }
    }
}
