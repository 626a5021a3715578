package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CREDENTIALS;
import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoreHealth;
import dev.switchboard.ports.model.StoredCredential;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What operators watch: health as the schema changes behind a running instance, and the pool's use. */
class PostgresOperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Nested
    class WhenTheSchemaBehindTheAddressLacksAMigration {
        private final String served = "served_" + suffix();
        private final String restored = "restored_" + suffix();
        private final String retired = "retired_" + suffix();
        private final PostgresSettings settings = TestDatabase.inNewSchema(served);

        @AfterEach
        void dropThem() {
            TestDatabase.dropSchema(served);
            TestDatabase.dropSchema(retired);
        }

        @Test
        void reportsUnavailableUntilItIsMigratedAgain() {
            PostgresStorage.migrate(settings);
            migrateToV3(TestDatabase.inNewSchema(restored));
            try (PostgresStorage storage = PostgresStorage.create(settings)) {
                assertThat(storage.health()).isEqualTo(new StoreHealth("postgres", true));

                // As a restore from an older backup would: the same address now serves a schema at V3.
                TestDatabase.admin().alterSchema(served).renameTo(retired).execute();
                TestDatabase.admin().alterSchema(restored).renameTo(served).execute();
                storage.forgetSchemaCheck();

                assertThat(storage.health()).isEqualTo(new StoreHealth("postgres", false));
                assertThat(storage.health()).as("a lacking schema is asked about again, not kept").isEqualTo(
                        new StoreHealth("postgres", false));

                assertThat(PostgresStorage.migrate(settings)).isEqualTo(2);

                assertThat(storage.health()).isEqualTo(new StoreHealth("postgres", true));
            }
        }

        @Test
        void keepsAFoundCurrentAnswerWithoutAskingAgain() {
            PostgresStorage.migrate(settings);
            migrateToV3(TestDatabase.inNewSchema(restored));
            try (PostgresStorage storage = PostgresStorage.create(settings)) {
                TestDatabase.admin().alterSchema(served).renameTo(retired).execute();
                TestDatabase.admin().alterSchema(restored).renameTo(served).execute();

                assertThat(storage.health().available()).as("current until " + SchemaCheck.MAX_AGE + " passed").isTrue();
            }
        }

        private static void migrateToV3(PostgresSettings settings) {
            Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations(SchemaMigrations.LOCATION)
                    .target("3")
                    .load()
                    .migrate();
        }
    }

    @Nested
    class WhenTheSchemaIsNewerThanThisVersion {
        private final String schema = "newer_" + suffix();
        private final PostgresSettings settings = TestDatabase.inNewSchema(schema);

        @AfterEach
        void dropIt() {
            TestDatabase.dropSchema(schema);
        }

        @Test
        void startsAndReportsAvailableSoThatOldInstancesServeThroughARollingUpgrade() {
            PostgresStorage.migrate(settings);
            TestDatabase.admin().insertInto(DSL.table(DSL.name(schema, "flyway_schema_history")))
                    .columns(DSL.field(DSL.name("installed_rank")), DSL.field(DSL.name("version")),
                            DSL.field(DSL.name("description")), DSL.field(DSL.name("type")),
                            DSL.field(DSL.name("script")), DSL.field(DSL.name("checksum")),
                            DSL.field(DSL.name("installed_by")), DSL.field(DSL.name("execution_time")),
                            DSL.field(DSL.name("success")))
                    .values(99, "99", "from the future", "SQL", "V99__from_the_future.sql", 0, "test", 1, true)
                    .execute();

            try (PostgresStorage storage = PostgresStorage.create(settings)) {
                storage.forgetSchemaCheck();

                assertThat(storage.health()).isEqualTo(new StoreHealth("postgres", true));
            }
        }
    }

    @Nested
    class ReportingPoolUse {
        @Test
        void reportsAnIdlePoolWithItsMaximum() {
            try (PostgresStorage storage = PostgresStorage.create(TestDatabase.settings().withPoolSize(1, 3))) {
                PoolStatistics pool = storage.poolStatistics();

                assertThat(pool.active()).isZero();
                assertThat(pool.idle()).isBetween(1, 3);
                assertThat(pool.pendingThreads()).isZero();
                assertThat(pool.max()).isEqualTo(3);
            }
        }

        @Test
        void countsConnectionsInUseAndThreadsWaitingForOne() throws Exception {
            StoredCredential credential = new StoredCredential(randomKeyId(), sealed(), NOW);
            TestDatabase.sharedStorage().credentials().save(credential);
            ExecutorService callers = Executors.newFixedThreadPool(3);
            try (PostgresStorage storage = PostgresStorage.create(TestDatabase.settings().withPoolSize(1, 2))) {
                List<Future<Boolean>> reseals = TestDatabase.admin().transactionResult(transaction -> {
                    // Holds the credential's row, so that every re-seal of it keeps its connection and waits.
                    transaction.dsl().selectFrom(CREDENTIALS).where(CREDENTIALS.ID.eq(credential.credentialId()))
                            .forUpdate().fetch();
                    List<Future<Boolean>> started = IntStream.range(0, 3).mapToObj(i -> callers.submit(
                            () -> storage.credentials().reseal(credential.credentialId(), credential.secret(), sealed())))
                            .toList();
                    await().atMost(WAIT).until(storage::poolStatistics, pool -> pool.equals(new PoolStatistics(2, 0, 1, 2)));
                    return started;
                });
                for (Future<Boolean> reseal : reseals) {
                    reseal.get();
                }

                await().atMost(WAIT).until(() -> storage.poolStatistics().active() == 0);
            } finally {
                callers.shutdownNow();
            }
        }

        @Test
        void reportsNothingInUseOnceClosed() {
            PostgresStorage storage = TestDatabase.newStorage();

            storage.close();

            assertThat(storage.poolStatistics()).isEqualTo(new PoolStatistics(0, 0, 0, 16));
        }
    }

    private static String suffix() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    private static SealedSecret sealed() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] iv = new byte[12];
        byte[] ciphertext = new byte[32];
        random.nextBytes(iv);
        random.nextBytes(ciphertext);
        return new SealedSecret("mk-pool", iv, ciphertext);
    }
}
