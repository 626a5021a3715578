package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoreHealth;
import dev.switchboard.ports.model.StoredCredential;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The public entry: starting against a database, migrating it, reporting health, and sharing data. */
class PostgresStorageTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    @Nested
    class WhenTheDatabaseDoesNotAnswer {
        @Test
        void failsToStartNamingTheUrlButNeverThePassword() throws IOException {
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/switchboard?password=hunter2";
            PostgresSettings settings = PostgresSettings.of(url, "switchboard", "hunter2")
                    .withConnectionTimeout(SHORT_TIMEOUT);

            assertThatThrownBy(() -> PostgresStorage.create(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closedPort + "/switchboard?password=***")
                    .hasMessageContaining("does not answer")
                    .hasMessageNotContaining("hunter2");
            assertThatThrownBy(() -> PostgresStorage.migrate(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Nested
    class WhenTheSchemaIsNew {
        private final String schema = "fresh_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        private final PostgresSettings settings = TestDatabase.inNewSchema(schema);

        @AfterEach
        void dropIt() {
            TestDatabase.dropSchema(schema);
        }

        @Test
        void refusesToStartUntilItIsMigrated() {
            assertThatThrownBy(() -> PostgresStorage.create(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lacks 1 migration(s) (V1 signaling schema)")
                    .hasMessageContaining("run the migrations first");
        }

        @Test
        void migratesOnceAndThenFindsNothingToDo() {
            assertThat(PostgresStorage.migrate(settings)).isEqualTo(1);
            assertThat(PostgresStorage.migrate(settings)).isZero();

            Offer offer = anOffer().build();
            try (PostgresStorage storage = PostgresStorage.create(settings)) {
                storage.offers().saveAll(List.of(offer));
                assertThat(storage.offers().find(offer.id())).contains(offer);
            }
            assertThat(TestDatabase.sharedStorage().offers().find(offer.id())).as("not in the shared schema").isEmpty();
        }
    }

    @Nested
    class ReportingHealth {
        @Test
        void reportsAnAnsweringDatabaseAsAvailablePostgres() {
            assertThat(TestDatabase.sharedStorage().health()).isEqualTo(new StoreHealth("postgres", true));
        }

        @Test
        void reportsUnavailableAndFailsCallsAsUnavailableOnceTheDatabaseIsGone() {
            TcpRelay relay = TcpRelay.to(TestDatabase.settings());
            PostgresSettings relayed = relay.relaying(TestDatabase.settings()).withConnectionTimeout(SHORT_TIMEOUT);
            try (PostgresStorage storage = PostgresStorage.create(relayed)) {
                assertThat(storage.health().available()).isTrue();

                relay.close();

                assertThat(storage.health()).isEqualTo(new StoreHealth("postgres", false));
                assertThatThrownBy(() -> storage.offers().find(anOffer().build().id()))
                        .isInstanceOfSatisfying(SignalingException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
            } finally {
                relay.close();
            }
        }

        @Test
        void reportsUnavailableOnceClosed() {
            PostgresStorage storage = TestDatabase.newStorage();

            storage.close();

            assertThat(storage.health().available()).isFalse();
        }
    }

    @Nested
    class SharingOneDatabase {
        @Test
        void servesTheSameStoresForItsWholeLife() {
            PostgresStorage storage = TestDatabase.sharedStorage();

            assertThat(storage.credentials()).isSameAs(storage.credentials());
            assertThat(storage.nonces()).isSameAs(storage.nonces());
            assertThat(storage.offers()).isSameAs(storage.offers());
            assertThat(storage.events()).isSameAs(storage.events());
        }

        @Test
        void keepsWhatAnInstanceWroteAfterItStops() {
            Offer offer = anOffer().build();
            StoredCredential credential = new StoredCredential("hk_" + offer.id(),
                    new SealedSecret("mk-1", new byte[12], new byte[] {1, 2, 3}), NOW);
            try (PostgresStorage stopped = TestDatabase.newStorage()) {
                stopped.offers().saveAll(List.of(offer));
                stopped.credentials().save(credential);
                stopped.nonces().rememberIfAbsent("key-1", "nonce-of-" + offer.id(), NOW.plusSeconds(60));
            }

            try (PostgresStorage restarted = TestDatabase.newStorage()) {
                assertThat(restarted.offers().find(offer.id())).contains(offer);
                assertThat(restarted.credentials().find(credential.credentialId())).contains(credential);
                assertThat(restarted.nonces().rememberIfAbsent("key-1", "nonce-of-" + offer.id(), NOW.plusSeconds(60)))
                        .isFalse();
            }
        }
    }
}
