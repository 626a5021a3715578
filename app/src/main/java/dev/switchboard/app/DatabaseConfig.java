package dev.switchboard.app;

import dev.switchboard.adapter.postgres.PostgresSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the PostgreSQL store lives, how many connections it may hold, and whether start-up migrates it.
 * {@link #toString()} never shows the password, nor one written into the URL.
 *
 * @param connection     the URL, role, password, pool size and connection timeout
 * @param migrateOnStart whether {@link Switchboard#start} applies pending migrations before opening the store
 */
public record DatabaseConfig(PostgresSettings connection, boolean migrateOnStart) {
    static final String URL = "SWITCHBOARD_DATABASE_URL";
    static final String USER = "SWITCHBOARD_DATABASE_USER";
    static final String PASSWORD = "SWITCHBOARD_DATABASE_PASSWORD";
    static final String POOL_MIN = "SWITCHBOARD_DATABASE_POOL_MIN";
    static final String POOL_MAX = "SWITCHBOARD_DATABASE_POOL_MAX";
    static final String CONNECT_TIMEOUT = "SWITCHBOARD_DATABASE_CONNECT_TIMEOUT_SECONDS";
    static final String MIGRATE_ON_START = "SWITCHBOARD_MIGRATE_ON_START";
    /** Every setting of this section. */
    static final List<String> KEYS =
            List.of(URL, USER, PASSWORD, POOL_MIN, POOL_MAX, CONNECT_TIMEOUT, MIGRATE_ON_START);

    static final String DEFAULT_USER = "switchboard";
    private static final String URL_PREFIX = "jdbc:postgresql:";
    private static final int MAX_POOL_SIZE = PostgresSettings.MAX_POOL_SIZE;
    private static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = PostgresSettings.DEFAULT_CONNECTION_TIMEOUT.toSeconds();

    public DatabaseConfig {
        Objects.requireNonNull(connection, "connection");
    }

    /** Reads the section for the postgres store; empty, with every problem recorded, when it is unusable. */
    static Optional<DatabaseConfig> read(SettingsReader settings) {
        Optional<String> url = settings.raw(URL);
        String user = settings.string(USER, DEFAULT_USER);
        String password = settings.string(PASSWORD, "");
        int min = (int) settings.integer(POOL_MIN, PostgresSettings.DEFAULT_MIN_POOL_SIZE, 1, MAX_POOL_SIZE);
        int max = (int) settings.integer(POOL_MAX, PostgresSettings.DEFAULT_MAX_POOL_SIZE, 1, MAX_POOL_SIZE);
        Duration timeout = settings.seconds(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 300);
        boolean migrateOnStart = settings.flag(MIGRATE_ON_START, true);

        boolean usable = true;
        if (url.isEmpty()) {
            settings.problem(URL,
                    "is required with the postgres store, for example jdbc:postgresql://db:5432/switchboard");
            usable = false;
        } else if (!url.get().startsWith(URL_PREFIX)) {
            // The value is not echoed: a URL may carry a password.
            settings.problem(URL,
                    "must start with " + URL_PREFIX + " (the value is not shown, as it may hold a password)");
            usable = false;
        }
        if (min > max) {
            settings.problem(POOL_MIN + " (" + min + ") must not exceed " + POOL_MAX + " (" + max + ")");
            usable = false;
        }
        if (!usable) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DatabaseConfig(
                    new PostgresSettings(url.get(), user, password, min, max, timeout), migrateOnStart));
        } catch (IllegalArgumentException e) {
            // PostgresSettings names the field and redacts the URL in its messages.
            settings.problem("SWITCHBOARD_DATABASE_*: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Refuses database settings given to a store that uses none: an operator who sets a URL expects a database,
     * and silently keeping everything in memory instead is the failure this check exists to prevent.
     */
    static void refuseUnused(SettingsReader settings, StoreKind kind) {
        for (String key : KEYS) {
            if (settings.raw(key).isPresent()) {
                settings.problem(key,
                        "is only used by the postgres store, but SWITCHBOARD_STORE is " + kind.configName());
            }
        }
    }
}
