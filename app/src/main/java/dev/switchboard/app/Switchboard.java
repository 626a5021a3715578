package dev.switchboard.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import dev.switchboard.adapter.http.HttpSettings;
import dev.switchboard.adapter.http.SignalingHttpServer;
import dev.switchboard.adapter.peerjs.PeerJsServer;
import dev.switchboard.adapter.peerjs.PeerJsSettings;
import dev.switchboard.adapter.postgres.PostgresSettings;
import dev.switchboard.adapter.postgres.PostgresStorage;
import dev.switchboard.domain.SignalingCore;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.ReencryptSecrets;
import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Edition;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application and its ordered lifecycle: schema migrations (PostgreSQL, unless disabled), the meter
 * registry, the storage, the core, the expiry sweeper, the PeerJS endpoint (when enabled: its message expiry, then
 * its server), then the HTTP server; {@link #close()} stops them in reverse: the HTTP server first (readiness turns
 * false, in-flight requests finish within the grace, WebSockets get 1001 "going away"), then the PeerJS server (its
 * sockets get 1001 too) and its expiry, then the sweeper, then the storage and its pool. Guice only assembles objects;
 * everything that opens a connection or a socket or starts a thread happens here, in this order.
 */
public final class Switchboard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Switchboard.class);
    /** Who the {@code verify-audit} command acts as: whoever runs it holds the store's credentials already. */
    private static final Actor.Admin OPERATOR = new Actor.Admin("verify-audit");
    /** How often queued PeerJS messages are checked for expiry, as {@code peer}'s {@code cleanup_out_msgs}. */
    private static final Duration PEER_EXPIRY_INTERVAL = Duration.ofSeconds(1);

    private final Deque<Component> started;
    private final SignalingHttpServer http;
    private final int httpPort;
    private final OptionalInt peerJsPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Switchboard(Deque<Component> started, SignalingHttpServer http, OptionalInt peerJsPort) {
        this.started = started;
        this.http = http;
        this.httpPort = http.port();
        this.peerJsPort = peerJsPort;
    }

    /**
     * Starts every component in order; if one fails, stops those already started and rethrows.
     * Returns once the HTTP server accepts connections.
     */
    public static Switchboard start(SwitchboardConfig config) {
        String version = AppVersion.current();
        Injector injector = injector(config, version);
        Deque<Component> started = new ArrayDeque<>();
        try {
            config.store().database().filter(DatabaseConfig::migrateOnStart).ifPresent(Switchboard::migrate);
            PrometheusMetrics metrics = injector.getInstance(PrometheusMetrics.class);
            started.push(new Component("meter registry", metrics));
            SignalingStorage storage = provision(injector, SignalingStorage.class);
            if (storage instanceof AutoCloseable closeable) {
                started.push(new Component("storage and its connection pool", closeable));
            }
            if (storage instanceof PostgresStorage postgres) {
                PoolMeters.bind(postgres, metrics.registry());
            }
            SignalingCore core = injector.getInstance(SignalingCore.class);
            // Started before the HTTP server so that it stops after it: no sweep races the last requests' writes
            // for nothing, and the store it needs is closed only once it has stopped.
            started.push(new Component("expiry sweeper",
                    ExpirySweeper.start(core.sweeper(), config.store().sweepInterval(), metrics.registry())));
            OptionalInt peerJsPort = OptionalInt.empty();
            if (config.peerJs().enabled()) {
                peerJsPort = OptionalInt.of(startPeerJs(injector, core, config.peerJs(), metrics, started));
            }
            var http = SignalingHttpServer.builder(injector.getInstance(HttpSettings.class), core.useCases())
                    .pairing(core.pairing())
                    .transfers(core.transfers())
                    .enterprise(core.enterprise())
                    .operations(core.operations())
                    .webFiles(config.http().demoEnabled());
            if (metrics.scrape().isPresent()) {
                http = http.metrics(metrics.registry(), metrics.scrape().get());
            }
            if (!config.store().kind().callsWait()) {
                http = http.nonBlockingUseCases();
            }
            if (config.peerJs().enabled()) {
                http = http.peerTokens(core.peerJs().issuePeerToken());
            }
            SignalingHttpServer server = http.start();
            started.push(new Component("HTTP server (readiness off, in-flight requests, WebSockets closed 1001)",
                    server::close));
            log.info("Switchboard {} started: edition={}, store={}, listening on {}:{}", version,
                    config.edition().edition().wireName(), config.store().kind().configName(), config.http().host(),
                    server.port());
            warnAboutTheEdition(config);
            return new Switchboard(started, server, peerJsPort);
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
    }

    /**
     * Starts the PeerJS endpoint: its message expiry, then its server (so that a stop closes the sockets before
     * the expiry goes). Returns the port it listens on.
     */
    private static int startPeerJs(Injector injector, SignalingCore core, PeerJsConfig peerJs,
            PrometheusMetrics metrics, Deque<Component> started) {
        Duration interval = peerJs.expireTimeout().compareTo(PEER_EXPIRY_INTERVAL) < 0
                ? peerJs.expireTimeout() : PEER_EXPIRY_INTERVAL;
        started.push(new Component("PeerJS message expiry",
                PeerMessageExpirer.start(core.peerJs().expirePeerMessages(), interval, metrics.registry())));
        PeerJsServer server = PeerJsServer.start(injector.getInstance(PeerJsSettings.class), core.peerJs());
        started.push(new Component("PeerJS server (sockets closed 1001)", server));
        int port = server.port();
        log.info("PeerJS endpoint listening on {}:{}, path {}, keys {}", peerJs.host(), port, peerJs.path(),
                peerJs.keys());
        return port;
    }

    /**
     * Applies the database's pending schema migrations and returns how many ran; opens nothing that outlives
     * the call. Safe while other instances run or migrate: Flyway serialises migrations with a database lock.
     *
     * @throws IllegalStateException naming the URL (never the password) if the database does not answer
     */
    public static int migrate(DatabaseConfig database) {
        PostgresSettings connection = database.connection();
        int applied = PostgresStorage.migrate(connection);
        log.info("The schema of PostgreSQL at {} is current ({} migration(s) applied)",
                connection.redactedUrl(), applied);
        return applied;
    }

    /**
     * Walks the audit log's hash chain in the configured store, as the operator (the {@code verify-audit} command):
     * opens the store, verifies, and closes it again. Never migrates: verifying must not change the database.
     *
     * @throws IllegalStateException when the store does not answer or lacks migrations
     */
    public static VerifyAuditLog.Verification verifyAuditLog(SwitchboardConfig config) {
        Injector injector = injector(config, AppVersion.current());
        SignalingStorage storage = provision(injector, SignalingStorage.class);
        try {
            return injector.getInstance(SignalingCore.class).enterprise().verifyAuditLog().verify(OPERATOR);
        } finally {
            closeQuietly(storage);
        }
    }

    /**
     * Re-encrypts every stored secret sealed under a retired master key to the current one (the {@code rotate-keys}
     * command; see {@link KeyRotation}), reporting each batch to {@code onBatch}. Opens the store, rotates, and
     * closes it again; never migrates.
     *
     * @throws IllegalStateException when the store does not answer or lacks migrations
     */
    static KeyRotation.Outcome rotateKeys(SwitchboardConfig config, Consumer<ReencryptSecrets.Progress> onBatch) {
        Injector injector = injector(config, AppVersion.current());
        SignalingStorage storage = provision(injector, SignalingStorage.class);
        try {
            return KeyRotation.run(injector.getInstance(SignalingCore.class).reencryptSecrets(), onBatch);
        } finally {
            closeQuietly(storage);
        }
    }

    private static void closeQuietly(SignalingStorage storage) {
        if (storage instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Closing the storage failed", e);
            }
        }
    }

    /** DEVELOPMENT builds singletons when first asked for, so that the caller decides when the store opens. */
    private static Injector injector(SwitchboardConfig config, String version) {
        return Guice.createInjector(Stage.DEVELOPMENT,
                storeModule(config.store()),
                new MetricsModule(config.metrics()),
                new CoreModule(config.signing(), config.offers(), config.pairing(), config.transfers(),
                        config.edition(), config.rateLimits()),
                new HttpModule(config.http(), config.transfers(), version),
                new PeerJsModule(config.peerJs(), config.http(), config.store().kind()));
    }

    /** What an operator should know about the edition before the first request: said once, at start-up. */
    private static void warnAboutTheEdition(SwitchboardConfig config) {
        if (config.edition().edition() != Edition.ENTERPRISE) {
            return;
        }
        if (!config.store().kind().durable()) {
            log.warn("The enterprise edition runs on the memory store: the audit log and the device registry are "
                    + "lost when the process stops; set SWITCHBOARD_STORE=postgres to keep them");
        }
        if (!config.edition().adminEnabled()) {
            log.info("No SWITCHBOARD_ADMIN_TOKEN or SWITCHBOARD_ADMIN_KEY_IDS configured: the admin routes are off");
        }
    }

    /** The store is chosen here, outside any module, so that modules stay free of conditional logic. */
    private static Module storeModule(StoreConfig store) {
        return switch (store.kind()) {
            case MEMORY -> new InMemoryStoreModule();
            case POSTGRES -> new PostgresStoreModule(store.database().orElseThrow().connection());
        };
    }

    /** Guice wraps what a provider throws; rethrow the provider's own failure, whose message is for the operator. */
    private static <T> T provision(Injector injector, Class<T> type) {
        try {
            return injector.getInstance(type);
        } catch (ProvisionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The port the HTTP API listens on; the one picked by the system when configured as 0. */
    public int httpPort() {
        return httpPort;
    }

    /** The port the PeerJS endpoint listens on (the one picked by the system when configured as 0); empty when off. */
    public OptionalInt peerJsPort() {
        return peerJsPort;
    }

    /**
     * The first step of stopping when a balancer routes to this instance: {@code /health/ready} answers 503 from now
     * on, while every request, WebSocket upgrade and PeerJS connection is still served as before, so that the
     * balancer takes the instance out before {@link #close()} refuses anything. Does nothing once closing.
     */
    public void drain() {
        if (!closed.get()) {
            http.drain();
        }
    }

    /**
     * Stops every component in the reverse order of starting, logging each step: the HTTP server (readiness off,
     * in-flight requests finish, WebSockets closed with 1001), the PeerJS server (its sockets closed with 1001) and
     * its message expiry, the sweeper, the storage and its pool, the meter registry. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            log.info("Switchboard stopping");
            stopAll(started);
            log.info("Switchboard stopped");
        }
    }

    private static void stopAll(Deque<Component> started) {
        while (!started.isEmpty()) {
            Component component = started.pop();
            try {
                log.info("Stopping the {}", component.name());
                component.resource().close();
            } catch (Exception e) {
                // Keep going: one component failing to stop must not keep the others running.
                log.warn("Stopping the {} failed", component.name(), e);
            }
        }
    }

    /** Something started, with the name its stop is logged under. */
    private record Component(String name, AutoCloseable resource) {}
}
