package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.IssuePeerToken;
import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.TransferUseCases;
import io.micrometer.core.instrument.MeterRegistry;
import dev.switchboard.transport.netty.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP adapter's one entry: serves the REST API of {@code docs/http-api.md} (offers, pairing, the
 * transfer relay, the edition, the Enterprise device registry and admin routes) and the WebSocket of
 * {@code docs/websocket.md} on Netty (Linux's epoll where available), calling the driving ports. Use cases run on
 * worker threads, never on the network threads; long-polls and idle WebSockets hold no thread. When asked, it also serves the
 * JavaScript client and the demo page ({@link Builder#webFiles(boolean)}).
 *
 * <pre>{@code
 * try (SignalingHttpServer server = SignalingHttpServer.builder(HttpSettings.defaults(), core.useCases())
 *         .pairing(core.pairingUseCases()).transfers(core.transferUseCases())
 *         .enterprise(core.enterpriseUseCases()).operations(core.operationsUseCases())
 *         .metrics(registry, registry::scrape)
 *         .webFiles(true)
 *         .start()) {
 *     ...
 * }
 * }</pre>
 */
public final class SignalingHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingHttpServer.class);

    private final EventLoopGroup network;
    private final ExecutorService workers;
    private final Channel listener;
    private final ShutdownGate gate;
    private final PendingPolls pendingPolls;
    private final OpenSockets sockets;
    private final List<Route> routes;
    private final Duration shutdownGrace;
    private final HealthEndpoints health;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SignalingHttpServer(EventLoopGroup network, ExecutorService workers, Channel listener, ShutdownGate gate,
            PendingPolls pendingPolls, OpenSockets sockets, List<Route> routes, Duration shutdownGrace,
            HealthEndpoints health) {
        this.network = network;
        this.workers = workers;
        this.listener = listener;
        this.gate = gate;
        this.pendingPolls = pendingPolls;
        this.sockets = sockets;
        this.routes = routes;
        this.shutdownGrace = shutdownGrace;
        this.health = health;
        this.port = ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * Binds and starts serving, without rate limits or metrics.
     *
     * @throws IllegalStateException if the address cannot be bound, for example because the port is taken
     */
    public static SignalingHttpServer start(HttpSettings settings, SignalingUseCases useCases,
            PairingUseCases pairing, TransferUseCases transfers, EnterpriseUseCases enterprise) {
        return builder(settings, useCases).pairing(pairing).transfers(transfers).enterprise(enterprise).start();
    }

    /** A server to configure; the pairing, transfer and Enterprise use cases must be given before it starts. */
    public static Builder builder(HttpSettings settings, SignalingUseCases useCases) {
        return new Builder(settings, useCases);
    }

    /** Collects what a server drives and reports to, then {@link #start()}s it. */
    public static final class Builder {
        private final HttpSettings settings;
        private final SignalingUseCases useCases;
        private PairingUseCases pairing;
        private TransferUseCases transfers;
        private EnterpriseUseCases enterprise;
        private Optional<OperationsUseCases> operations = Optional.empty();
        private Optional<MeterRegistry> registry = Optional.empty();
        private Optional<Supplier<String>> scrape = Optional.empty();
        private Optional<IssuePeerToken> peerTokens = Optional.empty();
        private boolean webFiles;
        private boolean nonBlockingUseCases;

        private Builder(HttpSettings settings, SignalingUseCases useCases) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.useCases = Objects.requireNonNull(useCases, "useCases");
        }

        public Builder pairing(PairingUseCases pairing) {
            this.pairing = Objects.requireNonNull(pairing, "pairing");
            return this;
        }

        public Builder transfers(TransferUseCases transfers) {
            this.transfers = Objects.requireNonNull(transfers, "transfers");
            return this;
        }

        public Builder enterprise(EnterpriseUseCases enterprise) {
            this.enterprise = Objects.requireNonNull(enterprise, "enterprise");
            return this;
        }

        /** Rate limits every request, and reports the store's statistics in metrics and the admin's health view. */
        public Builder operations(OperationsUseCases operations) {
            this.operations = Optional.of(Objects.requireNonNull(operations, "operations"));
            return this;
        }

        /**
         * Registers the server's meters in {@code registry} and serves {@code prometheusScrape}'s text at
         * {@code GET /metrics}; without it, {@code /metrics} is 404.
         */
        public Builder metrics(MeterRegistry registry, Supplier<String> prometheusScrape) {
            this.registry = Optional.of(Objects.requireNonNull(registry, "registry"));
            this.scrape = Optional.of(Objects.requireNonNull(prometheusScrape, "prometheusScrape"));
            return this;
        }

        /**
         * Whether to serve the static web files too (off unless asked for): the JavaScript client at
         * {@code GET /js/switchboard.js} and the demo page at {@code GET /demo} and {@code GET /join}, through the
         * same edge as the API but with the page's content security policy.
         */
        public Builder webFiles(boolean serve) {
            this.webFiles = serve;
            return this;
        }

        /**
         * Says the use cases never block (the in-memory store): each WebSocket's rounds then run on its network
         * thread, saving two thread hand-offs per relayed signal. Never with a store that waits on I/O
         * (PostgreSQL), which would stall every socket of that thread.
         */
        public Builder nonBlockingUseCases() {
            this.nonBlockingUseCases = true;
            return this;
        }

        /** Issues PeerJS tokens at {@code POST /v1/peerjs/tokens}; without it, that route is 404. */
        public Builder peerTokens(IssuePeerToken issuePeerToken) {
            this.peerTokens = Optional.of(Objects.requireNonNull(issuePeerToken, "issuePeerToken"));
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalStateException if a use case group is missing, the key store cannot be used, or the
         *                               address cannot be bound, for example because the port is taken
         */
        public SignalingHttpServer start() {
            if (pairing == null || transfers == null || enterprise == null) {
                throw new IllegalStateException("the pairing, transfer and Enterprise use cases must be given");
            }
            return SignalingHttpServer.start(this);
        }
    }

    private static SignalingHttpServer start(Builder given) {
        HttpSettings settings = given.settings;
        EdgeSettings edgeSettings = settings.edge();
        Optional<SSLContext> tls = edgeSettings.tls().map(TlsSettings::serverContext);
        NettyTransport transport = NettyTransport.best();
        EventLoopGroup network = transport.eventLoops(settings.ioThreads(), "switchboard-http-io");
        ExecutorService worker = Executors.newFixedThreadPool(settings.workerThreads(),
                new DefaultThreadFactory("switchboard-http-worker", true));
        try {
            WireJson json = new WireJson(settings.maxRequestBodyBytes(), edgeSettings.maxJsonDepth());
            ReplyWriter writer = new ReplyWriter(json, worker);
            PendingPolls pendingPolls = new PendingPolls();
            OpenSockets sockets = new OpenSockets(settings.webSocket().maxConnectionsPerAddress());
            HttpMetrics metrics = new HttpMetrics(given.registry);
            metrics.watch(sockets, pendingPolls);
            given.operations.ifPresent(operations -> metrics.watch(operations.reportStatistics()));
            RateLimits rateLimits = new RateLimits(given.operations.map(OperationsUseCases::admitRequest));
            EdgeServices edge = new EdgeServices(rateLimits, new Cors(edgeSettings.allowedOrigins()), metrics);
            SocketContext socketContext = new SocketContext(settings.webSocket(), given.pairing,
                    given.useCases.watchEvents(), given.useCases.pollEvents(), json, edgeSettings.maxJsonDepth(),
                    worker, sockets, edge, given.nonBlockingUseCases);
            AdminAccess adminAccess = new AdminAccess(given.enterprise.authorizeAdmin(),
                    given.useCases.authenticateRequest());
            HealthEndpoints health = new HealthEndpoints(given.useCases.reportHealth(), settings.version(),
                    adminAccess, given.operations.map(OperationsUseCases::reportStatistics), sockets, pendingPolls);
            List<Route> routes = SignalingRoutes.create(given.useCases, given.pairing, given.transfers,
                    given.enterprise, adminAccess, settings, json, worker, pendingPolls, socketContext, health,
                    new MetricsEndpoint(given.scrape), given.peerTokens);
            Router router = new Router(routes, route -> new RouteHandler(route, bodyLimit(route, settings),
                    given.useCases.authenticateRequest(), rateLimits, json, writer, worker), adminAccess::enabled,
                    writer);
            ExchangeHandler inside = given.webFiles ? WebFiles.fromClasspath(router, writer) : router;
            ShutdownGate gate = new ShutdownGate(new AddressRateLimit(inside, rateLimits, writer, worker), writer);
            EdgeHandler edgeHandler = new EdgeHandler(gate, edgeSettings, settings.publicBaseUrl(), edge.cors(), writer,
                    metrics);
            Channel listener = bind(new ServerBootstrap().group(network).channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new HttpChannels(edgeHandler, settings, tls)), settings);
            SignalingHttpServer server = new SignalingHttpServer(network, worker, listener, gate, pendingPolls,
                    sockets, routes, settings.shutdownGrace(), health);
            LOG.info("serving {} on {}:{} ({})", tls.isPresent() ? "HTTPS" : "HTTP", settings.host(), server.port(),
                    transport.name());
            return server;
        } catch (RuntimeException e) {
            network.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            worker.shutdownNow();
            throw e;
        }
    }

    /** The port actually bound: the configured one, or the one the system picked for port 0. */
    public int port() {
        return port;
    }

    /**
     * Starts draining: from now on {@code /health/ready} answers 503 {@code not_ready}, so that a balancer polling
     * it takes this server out, while every other request and WebSocket upgrade is still served as before. Call
     * {@link #close()} once the balancer has had time to notice (one polling interval or so). Draining again, or
     * after closing, does nothing more.
     */
    public void drain() {
        health.stopping();
    }

    /**
     * Stops gracefully: first says it is not ready ({@code /health/ready} answers 503; already so after
     * {@link #drain()}), then refuses new requests, answers waiting long-polls with an empty page, closes every
     * WebSocket with 1001, lets requests in flight finish and sockets acknowledge their close within the shutdown
     * grace, then stops. Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        health.stopping();
        // Suspending the listener would also cut the connections of waiting long-polls; the gate refuses instead.
        gate.close();
        pendingPolls.endAll();
        sockets.closeAll();
        awaitRequestsInFlight();
        awaitSocketsClosed();
        listener.close().syncUninterruptibly();
        stopThreads();
        LOG.info("HTTP server on port {} stopped", port);
    }

    private void awaitRequestsInFlight() {
        try {
            if (!gate.awaitIdle(shutdownGrace)) {
                LOG.warn("{} requests still in flight after {}; stopping anyway", gate.inFlight(), shutdownGrace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitSocketsClosed() {
        try {
            if (!sockets.awaitClosed(shutdownGrace)) {
                LOG.warn("{} WebSockets still open after {}; cutting them", sockets.size(), shutdownGrace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Workers first (a socket's last round may still write), then the network threads. */
    private void stopThreads() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            network.shutdownGracefully(0, shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)
                    .await(shutdownGrace.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
            network.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    /** How many WebSockets are open, for tests that check closed ones are let go. */
    int openSockets() {
        return sockets.size();
    }

    /** The API's route table (the web files aside), for tests that hold it to the documentation. */
    List<Route> routes() {
        return routes;
    }

    /** Chunk uploads have their own limit, sized to the relay's chunks; every other body the general one. */
    private static long bodyLimit(Route route, HttpSettings settings) {
        return route.body() == Route.Body.OCTETS ? settings.maxChunkBodyBytes() : settings.maxRequestBodyBytes();
    }

    private static Channel bind(ServerBootstrap bootstrap, HttpSettings settings) {
        try {
            return bootstrap.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
        } catch (Exception e) {
            // Netty rethrows the checked BindException as it is.
            String reason = addressUnavailable(e) ? "the address is in use or not available" : "";
            throw new IllegalStateException("cannot listen for HTTP on " + settings.host() + ":" + settings.port()
                    + (reason.isEmpty() ? "" : ": " + reason), e);
        }
    }

    /** NIO says so with a BindException; native epoll with an IOException that names the error. */
    private static boolean addressUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof BindException || message.contains("Address already in use")
                    || message.contains("Cannot assign requested address")) {
                return true;
            }
        }
        return false;
    }
}
