package dev.switchboard.adapter.postgres;

import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The schema's Flyway migrations ({@value #LOCATION}), run from code. Flyway serialises concurrent
 * migrations with an advisory lock of its own, so instances starting together may all call it.
 */
final class SchemaMigrations {
    static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {}

    /** Applies every pending migration; returns how many ran. */
    static int migrate(DataSource dataSource) {
        return flyway(dataSource).migrate().migrationsExecuted;
    }

    /**
     * Fails unless every migration this version knows has been applied. Migrations the database has and
     * this version does not know are allowed, so that older instances keep running during a rolling upgrade.
     */
    static void requireCurrent(DataSource dataSource, PostgresSettings settings) {
        List<MigrationInfo> pending = pending(dataSource);
        if (!pending.isEmpty()) {
            String versions = pending.stream()
                    .map(migration -> "V" + migration.getVersion() + " " + migration.getDescription())
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("the schema of PostgreSQL at " + settings.redactedUrl() + " lacks "
                    + pending.size() + " migration(s) (" + versions + "); run the migrations first");
        }
    }

    /**
     * The migrations this version knows that the schema lacks. Migrations the database has and this version
     * does not know are not pending.
     *
     * @throws org.flywaydb.core.api.FlywayException when the database cannot be asked
     */
    static List<MigrationInfo> pending(DataSource dataSource) {
        return List.of(flyway(dataSource).info().pending());
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .load();
    }
}
