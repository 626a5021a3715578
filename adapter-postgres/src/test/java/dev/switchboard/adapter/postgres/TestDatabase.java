package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.AUDIT_ENTRIES;
import static dev.switchboard.adapter.postgres.schema.Tables.COUNTERS;
import static dev.switchboard.adapter.postgres.schema.Tables.CREDENTIALS;
import static dev.switchboard.adapter.postgres.schema.Tables.DEVICES;
import static dev.switchboard.adapter.postgres.schema.Tables.NONCES;
import static dev.switchboard.adapter.postgres.schema.Tables.OFFERS;
import static dev.switchboard.adapter.postgres.schema.Tables.PAIRING_SESSIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_CONNECTIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_MESSAGES;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_MESSAGE_TOTAL;
import static dev.switchboard.adapter.postgres.schema.Tables.RATE_LIMIT_BUCKETS;
import static dev.switchboard.adapter.postgres.schema.Tables.TRANSFERS;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The PostgreSQL every test of this module shares, started at most once per test JVM: the server named by
 * {@value #URL_VARIABLE} (with {@code _USER} and {@code _PASSWORD}) when set, otherwise an embedded
 * PostgreSQL 17 that a shutdown hook stops. Migrated once; tests empty the tables they count.
 */
final class TestDatabase {
    static final String URL_VARIABLE = "SWITCHBOARD_TEST_DATABASE_URL";

    private static EmbeddedPostgres server;
    private static PostgresSettings settings;
    private static PostgresStorage shared;
    private static CloseableDSLContext admin;

    private TestDatabase() {}

    /** Settings for the shared, migrated database, with the default pool. */
    static synchronized PostgresSettings settings() {
        if (settings == null) {
            settings = external().orElseGet(TestDatabase::embedded);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::closeAll, "close-test-database"));
            PostgresStorage.migrate(settings);
        }
        return settings;
    }

    /** One storage over the shared database for the contract suites, closed when the JVM exits. */
    static synchronized PostgresStorage sharedStorage() {
        if (shared == null) {
            shared = PostgresStorage.create(settings());
        }
        return shared;
    }

    /** Another storage over the shared database, as a second instance of the app would have; the caller closes it. */
    static PostgresStorage newStorage() {
        return PostgresStorage.create(settings().withPoolSize(2, 16));
    }

    /** Settings whose connections work in {@code schema}, created empty here, of the shared database. */
    static PostgresSettings inNewSchema(String schema) {
        admin().createSchema(schema).execute();
        PostgresSettings shared = settings();
        String url = shared.jdbcUrl() + (shared.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new PostgresSettings(url, shared.user(), shared.password(), 1, 4, shared.connectionTimeout());
    }

    static void dropSchema(String schema) {
        admin().dropSchema(schema).cascade().execute();
    }

    /** A plain connection for what tests do behind the stores' backs: emptying tables, cutting connections. */
    static synchronized DSLContext admin() {
        if (admin == null) {
            PostgresSettings database = settings();
            admin = DSL.using(database.jdbcUrl(), database.user(), database.password());
        }
        return admin;
    }

    /** Deletes every offer, with its candidates. */
    static void emptyOffers() {
        admin().truncate(OFFERS).cascade().execute();
    }

    static void emptyNonces() {
        admin().truncate(NONCES).execute();
    }

    /** Deletes every pairing session, with its members and mailbox messages. */
    static void emptySessions() {
        admin().truncate(PAIRING_SESSIONS).cascade().execute();
    }

    static void emptyCounters() {
        admin().truncate(COUNTERS).execute();
    }

    /** Deletes every transfer, with its chunks. */
    static void emptyTransfers() {
        admin().truncate(TRANSFERS).cascade().execute();
    }

    static void emptyDevices() {
        admin().truncate(DEVICES).execute();
    }

    static void emptyAuditLog() {
        admin().truncate(AUDIT_ENTRIES).execute();
    }

    static void emptyCredentials() {
        admin().truncate(CREDENTIALS).execute();
    }

    static void emptyRateLimitBuckets() {
        admin().truncate(RATE_LIMIT_BUCKETS).execute();
    }

    /** Forgets every PeerJS connection and queued message, and sets the queues' total back to zero. */
    static void emptyPeers() {
        admin().transaction(configuration -> {
            configuration.dsl().truncate(PEER_CONNECTIONS).execute();
            configuration.dsl().truncate(PEER_MESSAGES).execute();
            configuration.dsl().update(PEER_MESSAGE_TOTAL).set(PEER_MESSAGE_TOTAL.QUEUED, 0L).execute();
        });
    }

    /** Deletes every record the statistics count. */
    static void emptyCountedTables() {
        emptyOffers();
        emptySessions();
        emptyTransfers();
        emptyDevices();
        emptyCredentials();
    }

    /** Ends the server process serving {@code pid}'s connection, as an administrator or a failure would. */
    static void terminateBackend(int pid) {
        // jOOQ has no API for pg_terminate_backend: call it by name, with the pid bound.
        admin().select(DSL.function("pg_terminate_backend", Boolean.class, DSL.val(pid))).execute();
    }

    private static Optional<PostgresSettings> external() {
        return Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(url -> !url.isBlank()).map(url ->
                PostgresSettings.of(url, env(URL_VARIABLE + "_USER", "postgres"), env(URL_VARIABLE + "_PASSWORD", "")));
    }

    private static PostgresSettings embedded() {
        try {
            server = EmbeddedPostgres.builder()
                    // Durability is no concern of tests: commit without waiting for the disk.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            return PostgresSettings.of("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** Closes what was opened, users before the server. */
    private static synchronized void closeAll() {
        if (shared != null) {
            shared.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // The JVM is exiting; the data directory is temporary either way.
            }
        }
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).orElse(fallback);
    }
}
