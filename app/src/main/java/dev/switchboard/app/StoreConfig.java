package dev.switchboard.app;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which store holds offers, credentials and nonces, how often expired records are swept from it, and, for
 * PostgreSQL, which database.
 *
 * @param kind          the storage technology
 * @param sweepInterval the pause between two sweeps of expired records
 * @param database      the database of the postgres store; empty for every other store
 */
public record StoreConfig(StoreKind kind, Duration sweepInterval, Optional<DatabaseConfig> database) {
    static final String STORE = "SWITCHBOARD_STORE";

    public StoreConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(database, "database");
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("sweepInterval must be positive");
        }
        if (database.isPresent() != (kind == StoreKind.POSTGRES)) {
            throw new IllegalArgumentException("database must be given for the postgres store, and only for it");
        }
    }

    /** Everything in this JVM's memory. */
    public static StoreConfig inMemory(Duration sweepInterval) {
        return new StoreConfig(StoreKind.MEMORY, sweepInterval, Optional.empty());
    }

    /** Everything in the given PostgreSQL database. */
    public static StoreConfig postgres(Duration sweepInterval, DatabaseConfig database) {
        return new StoreConfig(StoreKind.POSTGRES, sweepInterval, Optional.of(database));
    }

    /** The store the operator asked for, whether or not its settings are valid; empty for an unknown name. */
    static Optional<StoreKind> requested(SettingsReader settings) {
        return StoreKind.byConfigName(settings.string(STORE, StoreKind.MEMORY.configName()));
    }

    /**
     * Reads the store section. When it is invalid, the problems are recorded and an in-memory stand-in is
     * returned only to complete the record tree: the recorded problems stop start-up before anything uses it.
     */
    static StoreConfig read(SettingsReader settings, Command command) {
        Duration sweepInterval = settings.seconds("SWITCHBOARD_SWEEP_INTERVAL_SECONDS", 30, 1, 3600);
        Optional<StoreKind> kind = requested(settings);
        String name = settings.string(STORE, StoreKind.MEMORY.configName());
        if (kind.isEmpty()) {
            settings.problem(STORE, "must be one of [" + StoreKind.allowedNames() + "], was \"" + name + "\"");
            // Marked as read: whether they fit can only be judged once the store is known.
            DatabaseConfig.KEYS.forEach(settings::raw);
            return inMemory(sweepInterval);
        }
        return switch (kind.get()) {
            case MEMORY -> {
                DatabaseConfig.refuseUnused(settings, StoreKind.MEMORY);
                if (command == Command.MIGRATE) {
                    settings.problem(STORE,
                            "must be postgres to migrate: the memory store has no schema, was \"" + name + "\"");
                }
                yield inMemory(sweepInterval);
            }
            case POSTGRES -> DatabaseConfig.read(settings)
                    .map(database -> postgres(sweepInterval, database))
                    .orElseGet(() -> inMemory(sweepInterval));
        };
    }
}
