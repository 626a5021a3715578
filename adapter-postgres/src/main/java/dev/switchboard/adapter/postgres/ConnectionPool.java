package dev.switchboard.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/** Opens the HikariCP pool the stores share, and fails at once, clearly, when the database does not answer. */
final class ConnectionPool {

    private ConnectionPool() {}

    /**
     * A pool holding at least one open connection.
     *
     * @throws IllegalStateException naming the URL (never the password) if no connection opens in time
     */
    static HikariDataSource open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("switchboard-postgres");
        config.setDriverClassName(org.postgresql.Driver.class.getName());
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMinimumIdle(settings.minPoolSize());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Try for as long as a caller would wait for a connection, then fail start-up rather than limp on.
        config.setInitializationFailTimeout(settings.connectionTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "switchboard");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw unreachable(settings, e);
        }
    }

    static IllegalStateException unreachable(PostgresSettings settings, Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new IllegalStateException("PostgreSQL at " + settings.redactedUrl() + " does not answer for user "
                + settings.user() + ": " + root.getMessage(), e);
    }
}
