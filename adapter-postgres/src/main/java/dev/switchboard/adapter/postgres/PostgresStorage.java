package dev.switchboard.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driven.StoreStatistics;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.model.StoreHealth;
import java.sql.SQLException;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Every driven store in PostgreSQL, for deployments where data must survive restarts and several instances
 * share one database. Holds a connection pool and one listening connection; close it to release both.
 *
 * <pre>{@code
 * PostgresSettings settings = PostgresSettings.of(url, user, password);
 * PostgresStorage.migrate(settings);                        // or separately, by the operator
 * try (PostgresStorage storage = PostgresStorage.create(settings)) {
 *     SignalingCore core = SignalingCore.create(storage, clock, entropy, policy);
 * }
 * }</pre>
 */
public final class PostgresStorage implements SignalingStorage, AutoCloseable {
    /** The kind this storage reports in its health. */
    public static final String KIND = "postgres";

    private static final int HEALTH_TIMEOUT_SECONDS = 2;

    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final PostgresCredentialStore credentials;
    private final PostgresNonceStore nonces;
    private final PostgresOfferStore offers;
    private final PostgresSessionStore sessions;
    private final PostgresCounterStore counters;
    private final PostgresEventPublisher events;
    private final PostgresTransferStore transfers;
    private final PostgresDeviceStore devices;
    private final PostgresAuditLog auditLog;
    private final PostgresRateLimitStore rateLimits;
    private final PostgresStoreStatistics statistics;
    private final PostgresPeerStore peers;
    private final SchemaCheck schema;

    private PostgresStorage(HikariDataSource pool, DSLContext dsl, Database database, PostgresEventPublisher events) {
        this.pool = pool;
        this.dsl = dsl;
        this.schema = SchemaCheck.foundCurrent(pool);
        this.credentials = new PostgresCredentialStore(database);
        this.nonces = new PostgresNonceStore(database);
        this.offers = new PostgresOfferStore(database);
        this.sessions = new PostgresSessionStore(database);
        this.counters = new PostgresCounterStore(database);
        this.events = events;
        this.transfers = new PostgresTransferStore(database);
        this.devices = new PostgresDeviceStore(database);
        this.auditLog = new PostgresAuditLog(database);
        this.rateLimits = new PostgresRateLimitStore(database);
        this.statistics = new PostgresStoreStatistics(database);
        this.peers = new PostgresPeerStore(database);
    }

    /**
     * Opens the pool and the listening connection on a migrated database. Migrates nothing itself.
     *
     * @throws IllegalStateException naming the URL (never the password) if the database does not answer
     *                               within the connection timeout, or its schema lacks migrations
     */
    public static PostgresStorage create(PostgresSettings settings) {
        HikariDataSource pool = ConnectionPool.open(settings);
        try {
            SchemaMigrations.requireCurrent(pool, settings);
            DSLContext dsl = DSL.using(pool, SQLDialect.POSTGRES);
            Database database = new Database(dsl);
            // Unique per instance, so that each skips its own notifications; randomness here needs no injection.
            String origin = UUID.randomUUID().toString();
            return new PostgresStorage(pool, dsl, database, PostgresEventPublisher.start(settings, database, origin));
        } catch (SQLException e) {
            pool.close();
            throw ConnectionPool.unreachable(settings, e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Applies every pending schema migration, over a connection of its own. Safe to run from several
     * instances at once: Flyway lets one migrate while the others wait.
     *
     * @return how many migrations ran; 0 when the schema was current
     * @throws IllegalStateException naming the URL (never the password) if the database does not answer
     */
    public static int migrate(PostgresSettings settings) {
        try (HikariDataSource pool = ConnectionPool.open(settings.withPoolSize(1, 2))) {
            return SchemaMigrations.migrate(pool);
        }
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public NonceStore nonces() {
        return nonces;
    }

    @Override
    public OfferStore offers() {
        return offers;
    }

    /** Pairing sessions with their members and mailboxes. */
    @Override
    public SessionStore sessions() {
        return sessions;
    }

    /** Expiring counters for guessing budgets and rate limits. */
    @Override
    public CounterStore counters() {
        return counters;
    }

    @Override
    public EventPublisher events() {
        return events;
    }

    /** Relay transfers with their chunks, as {@code bytea} rows. */
    @Override
    public TransferStore transfers() {
        return transfers;
    }

    /** The Enterprise device registry. */
    @Override
    public DeviceStore devices() {
        return devices;
    }

    /** The Enterprise audit log, one hash chain for every instance. */
    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Token buckets every instance on the database shares. */
    @Override
    public RateLimitStore rateLimits() {
        return rateLimits;
    }

    /** Counts of live records, one statement of index scans; see {@code PostgresStoreStatistics} for its cost. */
    @Override
    public StoreStatistics statistics() {
        return statistics;
    }

    /** The PeerJS directory and queues every instance on the database shares, so peers on any instance meet. */
    @Override
    public PeerStore peers() {
        return peers;
    }

    /**
     * Available when {@code SELECT 1} answers within the connection timeout plus two seconds, and the schema
     * lacks no migration this version knows ({@code SchemaCheck}: a schema found current is trusted for a
     * minute, a lacking one is asked about again at every check). A schema with migrations this version does
     * not know is available, as for {@link #create}: older instances keep serving during a rolling upgrade.
     * It is also unavailable while the wake-up listener has lost its connection: this instance would then
     * push what other instances write late (at its clients' next wake-up or reconnect), so a load balancer
     * should send them elsewhere until the listener is back.
     */
    @Override
    public StoreHealth health() {
        boolean answers;
        try {
            answers = dsl.selectOne().queryTimeout(HEALTH_TIMEOUT_SECONDS).fetch().size() == 1;
        } catch (DataAccessException e) {
            answers = false;
        }
        return new StoreHealth(KIND, answers && schema.isCurrent() && events.isListening());
    }

    /**
     * The connection pool right now, for the application to publish as gauges (this module has no metrics
     * library). Cheap: it reads HikariCP's counters.
     */
    public PoolStatistics poolStatistics() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null || pool.isClosed()) {
            return new PoolStatistics(0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolStatistics(bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    /** Stops listening and closes the pool. Later calls to the stores fail. */
    @Override
    public void close() {
        events.close();
        pool.close();
    }

    /** Makes the next health check ask Flyway again; for tests that change the schema behind its back. */
    void forgetSchemaCheck() {
        schema.forget();
    }

    /** The server process of the listening connection; for tests that cut it. */
    int listenerBackendPid() throws SQLException {
        return events.listenerBackendPid();
    }
}
