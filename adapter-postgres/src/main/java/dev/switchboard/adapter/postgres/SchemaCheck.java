package dev.switchboard.adapter.postgres;

import java.time.Duration;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Whether the schema has every migration this build knows, for health. Asking Flyway costs a scan of the
 * bundled scripts and a read of its history table, so a "current" answer is kept for {@link #MAX_AGE}: only
 * migrating changes it, and migrating only keeps it current. It is still asked again now and then, because the
 * address may come to serve another database (a failover to a stale standby, a restore from an old backup).
 * A "pending" answer, or a database that does not answer, is not kept: the next check asks again.
 */
final class SchemaCheck {
    /** How long a "current" answer is trusted. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final LongSupplier nanoTime;
    private long currentSince;
    private boolean current;

    SchemaCheck(DataSource dataSource, LongSupplier nanoTime) {
        this.dataSource = dataSource;
        this.nanoTime = nanoTime;
    }

    /** A check that knows the schema was found current just now (as {@code PostgresStorage.create} does). */
    static SchemaCheck foundCurrent(DataSource dataSource) {
        SchemaCheck check = new SchemaCheck(dataSource, System::nanoTime);
        check.remember(true);
        return check;
    }

    /** Whether no migration this build knows is pending; false also when the database cannot be asked. */
    synchronized boolean isCurrent() {
        if (current && nanoTime.getAsLong() - currentSince < MAX_AGE.toNanos()) {
            return true;
        }
        boolean answer;
        try {
            answer = SchemaMigrations.pending(dataSource).isEmpty();
        } catch (RuntimeException e) {
            // Flyway wraps what the database or the pool threw; either way the schema cannot be confirmed.
            answer = false;
        }
        remember(answer);
        return answer;
    }

    /** Forgets the kept answer, so that the next check asks the database. */
    synchronized void forget() {
        current = false;
    }

    private void remember(boolean answer) {
        current = answer;
        currentSince = nanoTime.getAsLong();
    }
}
