package dev.switchboard.app.e2e;

import dev.switchboard.adapter.postgres.PostgresSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two instances with the same settings on one PostgreSQL database, as behind a load balancer. Closing stops both
 * and drops their schema, if they were given one of their own.
 */
final class TwoInstances implements AutoCloseable {
    private final StartedSwitchboard first;
    private final StartedSwitchboard second;
    private final Optional<String> schema;

    private TwoInstances(StartedSwitchboard first, StartedSwitchboard second, Optional<String> schema) {
        this.first = first;
        this.second = second;
        this.schema = schema;
    }

    /** On the shared database, with {@code settings} added to the database's. */
    static TwoInstances onSharedDatabase(Map<String, String> settings) {
        return start(TestDatabase.shared(), settings, Optional.empty());
    }

    /**
     * On a new schema named {@code prefix} and a random suffix, so that what they count and store starts from zero,
     * with {@code settings} added to the database's.
     */
    static TwoInstances onSchemaOfTheirOwn(String prefix, Map<String, String> settings) {
        String schema = prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        return start(TestDatabase.createSchema(schema), settings, Optional.of(schema));
    }

    private static TwoInstances start(PostgresSettings database, Map<String, String> settings,
            Optional<String> schema) {
        Map<String, String> combined = new HashMap<>(TestDatabase.switchboardSettings(database));
        combined.putAll(settings);
        StartedSwitchboard first = StartedSwitchboard.start(combined);
        return new TwoInstances(first, StartedSwitchboard.start(combined), schema);
    }

    StartedSwitchboard first() {
        return first;
    }

    StartedSwitchboard second() {
        return second;
    }

    @Override
    public void close() {
        second.close();
        first.close();
        schema.ifPresent(TestDatabase::dropSchema);
    }
}
