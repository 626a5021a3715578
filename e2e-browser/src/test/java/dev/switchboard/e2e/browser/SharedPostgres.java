package dev.switchboard.e2e.browser;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An embedded PostgreSQL 17 that instances of Switchboard share, as instances behind a load balancer share one
 * database: started at most once per test JVM and stopped by a shutdown hook. Nothing is migrated here: the first
 * instance migrates on start, as in production.
 */
final class SharedPostgres {
    private static EmbeddedPostgres server;

    private SharedPostgres() {}

    /** The settings that point Switchboard at the shared database: the postgres store, its URL, role and password. */
    static synchronized Map<String, String> switchboardSettings() {
        if (server == null) {
            server = start();
        }
        return Map.of(
                "SWITCHBOARD_STORE", "postgres",
                "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "SWITCHBOARD_DATABASE_USER", "postgres",
                "SWITCHBOARD_DATABASE_PASSWORD", "");
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    // Durability is no concern of a test: commit without waiting for the disk.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "stop-shared-postgres"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static void stop(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException ignored) {
            // The JVM is exiting; the data directory is temporary either way.
        }
    }
}
