package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CREDENTIALS;
import static dev.switchboard.ports.testing.AuditFixtures.anEvent;
import static dev.switchboard.ports.testing.DeviceFixtures.aDevice;
import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoreHealth;
import dev.switchboard.ports.model.StoredCredential;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.testing.AuditFixtures.RecordingChainLink;
import dev.switchboard.ports.testing.PeerFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The public entry: starting against a database, migrating it, reporting health, and sharing data. */
class PostgresStorageTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    private static final AuditLog.ChainLink CHAIN = new RecordingChainLink();

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
                    .hasMessageContaining("lacks 5 migration(s) (V1 signaling schema, V2 pairing sessions, "
                            + "V3 transfers devices audit, V4 operations, V5 peerjs)")
                    .hasMessageContaining("run the migrations first");
        }

        @Test
        void migratesOnceAndThenFindsNothingToDo() {
            assertThat(PostgresStorage.migrate(settings)).isEqualTo(5);
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
    class WhenTheSchemaHasOnlyTheFirstMigration {
        private final String schema = "v1_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        private final PostgresSettings settings = TestDatabase.inNewSchema(schema);

        @BeforeEach
        void migrateToV1() {
            Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations(SchemaMigrations.LOCATION)
                    .target("1")
                    .load()
                    .migrate();
        }

        @AfterEach
        void dropIt() {
            TestDatabase.dropSchema(schema);
        }

        @Test
        void refusesToStartUntilTheOthersAreApplied() {
            assertThatThrownBy(() -> PostgresStorage.create(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lacks 4 migration(s) (V2 pairing sessions, V3 transfers devices audit, "
                            + "V4 operations, V5 peerjs)");
        }

        @Test
        void appliesTheOthersOnceAndKeepsWhatTheFirstHeld() {
            Offer offer = anOffer().build();
            StoredCredential credential = new StoredCredential("hk_" + offer.id(),
                    new SealedSecret("mk-1", new byte[12], new byte[] {1, 2, 3}), NOW);
            try (CloseableDSLContext v1 = DSL.using(settings.jdbcUrl(), settings.user(), settings.password())) {
                OfferRows.insert(v1, List.of(offer)).execute();
                v1.insertInto(CREDENTIALS, CREDENTIALS.ID, CREDENTIALS.MASTER_KEY_ID, CREDENTIALS.IV,
                                CREDENTIALS.CIPHERTEXT, CREDENTIALS.CREATED_AT)
                        .values(credential.credentialId(), "mk-1", new byte[12], new byte[] {1, 2, 3}, NOW)
                        .execute();
            }

            assertThat(PostgresStorage.migrate(settings)).isEqualTo(4);
            assertThat(PostgresStorage.migrate(settings)).isZero();

            PairingSession session = aSession().build();
            Transfer transfer = aTransfer().build();
            Device device = aDevice().build();
            try (PostgresStorage storage = PostgresStorage.create(settings)) {
                assertThat(storage.offers().find(offer.id())).contains(offer);
                assertThat(storage.credentials().find(credential.credentialId())).as("without a lifetime")
                        .contains(credential);
                assertThat(storage.credentials().deleteExpired(NOW.plus(Duration.ofDays(36_500)))).isZero();
                assertThat(storage.sessions().createIfCodeFree(session, NOW)).isTrue();
                assertThat(storage.sessions().find(session.id())).contains(session);
                assertThat(storage.counters().incrementAndGet("after-v2", NOW.plusSeconds(60))).isEqualTo(1);
                assertThat(storage.transfers().create(transfer, NOW, Long.MAX_VALUE))
                        .isEqualTo(new TransferStore.Creation.Created(transfer));
                assertThat(storage.devices().insert(device, NOW)).isTrue();
                assertThat(storage.auditLog().append(anEvent(AuditEventType.TRANSFER_CREATED).build(), CHAIN).sequence())
                        .isEqualTo(1);
                assertThat(storage.rateLimits().take("after-v4", Duration.ofSeconds(1), 1, NOW).allowed()).isTrue();
                PeerAddress peer = PeerFixtures.randomAddress();
                assertThat(storage.peers().claim(PeerFixtures.aConnection(peer), NOW, 1))
                        .isEqualTo(new PeerStore.Claim.Claimed(Optional.empty()));
                assertThat(storage.peers().enqueue(PeerFixtures.aMessage(peer), 1, 1)).isPresent();
            }
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
        void reportsUnavailableWhileTheWakeUpListenerCannotReconnectThoughThePoolStillAnswers() throws Exception {
            TcpRelay relay = TcpRelay.to(TestDatabase.settings());
            PostgresSettings relayed = relay.relaying(TestDatabase.settings()).withConnectionTimeout(SHORT_TIMEOUT);
            try (PostgresStorage storage = PostgresStorage.create(relayed)) {
                assertThat(storage.health().available()).isTrue();

                relay.refuseNewConnections(true);
                TestDatabase.terminateBackend(storage.listenerBackendPid());

                await().atMost(Duration.ofSeconds(10)).until(() -> !storage.health().available());
                assertThat(storage.offers().find(anOffer().build().id())).as("the pool still serves").isEmpty();

                relay.refuseNewConnections(false);

                await().atMost(Duration.ofSeconds(20)).until(() -> storage.health().available());
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
            assertThat(storage.sessions()).isSameAs(storage.sessions());
            assertThat(storage.counters()).isSameAs(storage.counters());
            assertThat(storage.transfers()).isSameAs(storage.transfers());
            assertThat(storage.devices()).isSameAs(storage.devices());
            assertThat(storage.auditLog()).isSameAs(storage.auditLog());
            assertThat(storage.rateLimits()).isSameAs(storage.rateLimits());
            assertThat(storage.statistics()).isSameAs(storage.statistics());
        }

        @Test
        void keepsWhatAnInstanceWroteAfterItStops() {
            Offer offer = anOffer().build();
            StoredCredential credential = new StoredCredential("hk_" + offer.id(),
                    new SealedSecret("mk-1", new byte[12], new byte[] {1, 2, 3}), NOW);
            PairingSession session = aSession().build();
            String counter = "counter-of-" + offer.id();
            Transfer transfer = aTransfer().build();
            Chunk chunk = aChunk(transfer, 0);
            Device device = aDevice().build();
            AuditEvent event = anEvent(AuditEventType.DEVICE_REGISTERED).on(device.id().value()).build();
            AuditEntry entry;
            try (PostgresStorage stopped = TestDatabase.newStorage()) {
                stopped.offers().saveAll(List.of(offer));
                stopped.credentials().save(credential);
                stopped.nonces().rememberIfAbsent("key-1", "nonce-of-" + offer.id(), NOW.plusSeconds(60));
                stopped.sessions().createIfCodeFree(session, NOW);
                stopped.counters().incrementAndGet(counter, NOW.plusSeconds(60));
                stopped.transfers().create(transfer, NOW, Long.MAX_VALUE);
                stopped.transfers().putChunk(chunk, NOW, Duration.ofMinutes(1));
                stopped.devices().insert(device, NOW);
                entry = stopped.auditLog().append(event, CHAIN);
            }

            try (PostgresStorage restarted = TestDatabase.newStorage()) {
                assertThat(restarted.offers().find(offer.id())).contains(offer);
                assertThat(restarted.credentials().find(credential.credentialId())).contains(credential);
                assertThat(restarted.nonces().rememberIfAbsent("key-1", "nonce-of-" + offer.id(), NOW.plusSeconds(60)))
                        .isFalse();
                assertThat(restarted.sessions().find(session.id())).contains(session);
                assertThat(restarted.counters().get(counter, NOW)).isEqualTo(1);
                assertThat(restarted.transfers().readChunk(transfer.id(), 0))
                        .isEqualTo(new TransferStore.ChunkRead.Available(chunk));
                assertThat(restarted.devices().find(device.id())).contains(device);
                assertThat(restarted.auditLog().readAfter(entry.sequence() - 1, 1)).containsExactly(entry);
            }
        }
    }
}
