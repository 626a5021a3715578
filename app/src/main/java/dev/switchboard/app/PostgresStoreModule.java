package dev.switchboard.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.switchboard.adapter.postgres.PostgresSettings;
import dev.switchboard.adapter.postgres.PostgresStorage;
import dev.switchboard.ports.driven.SignalingStorage;

/**
 * Binds the storage ports to PostgreSQL. It only binds: the pool opens when {@link Switchboard} first asks for
 * the storage, after migrating, and closes when Switchboard stops.
 */
final class PostgresStoreModule extends AbstractModule {
    private final PostgresSettings connection;

    PostgresStoreModule(PostgresSettings connection) {
        this.connection = connection;
    }

    /** Fails fast, naming the URL but never the password, when the database does not answer or lacks migrations. */
    @Provides
    @Singleton
    SignalingStorage storage() {
        return PostgresStorage.create(connection);
    }
}
