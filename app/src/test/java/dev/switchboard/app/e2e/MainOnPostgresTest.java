package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.postgres.PostgresSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The launcher's commands as real processes against PostgreSQL, each test in a new, empty schema. */
class MainOnPostgresTest {
    private static final String MASTER_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String SIGNING_KEY = "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677";

    private final String schema = "launcher_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final PostgresSettings database = TestDatabase.createSchema(schema);

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    /** The database settings, plus {@code more}. */
    private Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(TestDatabase.switchboardSettings(database));
        settings.putAll(more);
        return settings;
    }

    private int migrate() {
        // No master key: a migration job opens no credential, so it need not hold the key.
        try (LauncherProcess migrate = LauncherProcess.start(settings(Map.of()), "migrate")) {
            return migrate.awaitExit();
        }
    }

    /** The port the process reports it listens on. */
    private static int listeningPort(LauncherProcess server) {
        // The start-up line, not the PeerJS endpoint's, which is also "listening on" its own port.
        return Integer.parseInt(reported(server, "started: .*listening on 127\\.0\\.0\\.1:(\\d+)"));
    }

    /** How many migrations the process reports it applied. */
    private static int appliedMigrations(LauncherProcess process) {
        return Integer.parseInt(reported(process, "is current \\((\\d+) migration\\(s\\) applied\\)"));
    }

    private static String reported(LauncherProcess process, String regex) {
        Matcher found = Pattern.compile(regex).matcher(process.output());
        assertThat(found.find()).as("/%s/ in:%n%s", regex, process.output()).isTrue();
        return found.group(1);
    }

    @Nested
    class WhenMigrating {
        @Test
        void appliesTheSchemaOnceAndThenFindsNothingToDo() {
            try (LauncherProcess first = LauncherProcess.start(settings(Map.of()), "migrate")) {
                assertThat(first.awaitExit()).as(first.output()).isZero();
                assertThat(appliedMigrations(first)).isPositive();
            }
            try (LauncherProcess second = LauncherProcess.start(settings(Map.of()), "migrate")) {
                assertThat(second.awaitExit()).as(second.output()).isZero();
                assertThat(appliedMigrations(second)).isZero();
            }
        }
    }

    @Nested
    class WhenServing {
        @Test
        void refusesAnUnmigratedSchemaWhenToldNotToMigrateAndStartsOnceMigrated() {
            Map<String, String> serve = settings(Map.of(
                    "SWITCHBOARD_MASTER_KEY", MASTER_KEY,
                    "SWITCHBOARD_SIGNING_KEY", SIGNING_KEY,
                    "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                    "SWITCHBOARD_HTTP_PORT", "0",
                    "SWITCHBOARD_PEERJS_PORT", "0",
                    "SWITCHBOARD_MIGRATE_ON_START", "false"));
            try (LauncherProcess unmigrated = LauncherProcess.start(serve)) {
                assertThat(unmigrated.awaitExit()).as(unmigrated.output()).isEqualTo(1);
                assertThat(unmigrated.linesContaining("Switchboard failed to start")).singleElement().asString()
                        .contains("lacks").contains("run the migrations first");
            }

            assertThat(migrate()).isZero();

            try (LauncherProcess migrated = LauncherProcess.start(serve)) {
                migrated.awaitOutput("started: edition=consumer, store=postgres");
            }
        }

        @Test
        void migratesServesWithoutJooqChatterAndStopsGracefullyOnSigterm() {
            try (LauncherProcess server = LauncherProcess.start(settings(Map.of(
                    "SWITCHBOARD_MASTER_KEY", MASTER_KEY,
                    "SWITCHBOARD_SIGNING_KEY", SIGNING_KEY,
                    "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                    "SWITCHBOARD_HTTP_PORT", "0",
                    "SWITCHBOARD_PEERJS_PORT", "0")))) {
                server.awaitOutput("started: edition=consumer, store=postgres");
                // jOOQ would print its logo and a tip when it renders its first statement: the health check's.
                ApiResponse health = new Api(listeningPort(server)).get("/health");
                assertThat(health.status()).as("%s", health).isEqualTo(200);
                assertThat(health.json().path("store").asText()).isEqualTo("postgres");

                int status = server.terminate();

                assertThat(status).as(server.output()).isEqualTo(143);
                assertThat(appliedMigrations(server)).isPositive();
                assertThat(server.output())
                        // Readiness off and WebSockets closed before anything they need stops; the pool last.
                        .containsSubsequence("Switchboard stopping", "Stopping the HTTP server",
                                "Stopping the PeerJS server", "Stopping the PeerJS message expiry",
                                "Stopping the expiry sweeper", "Stopping the storage and its connection pool",
                                "Switchboard stopped")
                        .doesNotContainIgnoringCase("thank you for using jooq")
                        .doesNotContainIgnoringCase("jooq tip");
            }
        }
    }
}
