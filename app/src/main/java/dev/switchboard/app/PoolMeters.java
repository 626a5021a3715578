package dev.switchboard.app;

import dev.switchboard.adapter.postgres.PostgresStorage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the PostgreSQL connection pool, read from {@link PostgresStorage#poolStatistics()} at each scrape:
 * {@code switchboard.db.pool.connections} tagged {@code state} (active, idle, pending: threads waiting for a
 * connection) and {@code switchboard.db.pool.max}.
 */
final class PoolMeters {
    static final String CONNECTIONS = "switchboard.db.pool.connections";
    static final String MAX = "switchboard.db.pool.max";

    private PoolMeters() {}

    static void bind(PostgresStorage storage, MeterRegistry registry) {
        connections(registry, storage, "active", s -> s.poolStatistics().active());
        connections(registry, storage, "idle", s -> s.poolStatistics().idle());
        connections(registry, storage, "pending", s -> s.poolStatistics().pendingThreads());
        Gauge.builder(MAX, storage, s -> s.poolStatistics().max())
                .description("The most connections the pool may hold")
                .register(registry);
    }

    private static void connections(MeterRegistry registry, PostgresStorage storage, String state,
            ToDoubleFunction<PostgresStorage> value) {
        Gauge.builder(CONNECTIONS, storage, value)
                .description("Connections of the PostgreSQL pool by state; pending counts requests waiting for one")
                .tag("state", state)
                .register(registry);
    }
}
