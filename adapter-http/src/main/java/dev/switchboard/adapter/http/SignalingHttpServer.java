package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.TransferUseCases;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.HttpContinueReadHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The HTTP adapter's one entry: serves the REST API of {@code docs/http-api.md} (offers, pairing, the
 * transfer relay, the edition, the Enterprise device registry and admin routes) and the WebSocket of
 * {@code docs/websocket.md} on Undertow, calling the driving ports. Use cases run on worker threads, never
 * on the network loop; long-polls and idle WebSockets hold no thread.
 *
 * <pre>{@code
 * try (SignalingHttpServer server =
 *         SignalingHttpServer.start(HttpSettings.defaults(), core.useCases(), core.pairingUseCases(),
 *                 core.transferUseCases(), core.enterpriseUseCases())) {
 *     ...
 * }
 * }</pre>
 */
public final class SignalingHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingHttpServer.class);

    private final Undertow undertow;
    private final XnioWorker worker;
    private final ShutdownGate gate;
    private final PendingPolls pendingPolls;
    private final OpenSockets sockets;
    private final List<Route> routes;
    private final Duration shutdownGrace;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SignalingHttpServer(Undertow undertow, XnioWorker worker, ShutdownGate gate, PendingPolls pendingPolls,
            OpenSockets sockets, List<Route> routes, Duration shutdownGrace) {
        this.undertow = undertow;
        this.worker = worker;
        this.gate = gate;
        this.pendingPolls = pendingPolls;
        this.sockets = sockets;
        this.routes = routes;
        this.shutdownGrace = shutdownGrace;
        this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException if the address cannot be bound, for example because the port is taken
     */
    public static SignalingHttpServer start(HttpSettings settings, SignalingUseCases useCases,
            PairingUseCases pairing, TransferUseCases transfers, EnterpriseUseCases enterprise) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(pairing, "pairing");
        Objects.requireNonNull(transfers, "transfers");
        Objects.requireNonNull(enterprise, "enterprise");
        XnioWorker worker = createWorker(settings);
        try {
            WireJson json = new WireJson(settings.maxRequestBodyBytes());
            ReplyWriter writer = new ReplyWriter(json, worker);
            PendingPolls pendingPolls = new PendingPolls();
            OpenSockets sockets = new OpenSockets(settings.webSocket().maxConnectionsPerAddress());
            SocketContext socketContext = new SocketContext(settings.webSocket(), pairing, useCases.watchEvents(),
                    useCases.pollEvents(), json, worker, sockets);
            AdminAccess adminAccess = new AdminAccess(enterprise.authorizeAdmin(), useCases.authenticateRequest());
            List<Route> routes = SignalingRoutes.create(useCases, pairing, transfers, enterprise, adminAccess, settings,
                    json, worker, pendingPolls, socketContext);
            Router router = new Router(routes, route -> new RouteHandler(route, bodyLimit(route, settings),
                    useCases.authenticateRequest(), json, writer), adminAccess::enabled, writer);
            ShutdownGate gate = new ShutdownGate(router, writer);
            int idleMillis = (int) settings.idleTimeout().toMillis();
            Undertow undertow = Undertow.builder()
                    .setWorker(worker)
                    .addHttpListener(settings.port(), settings.host())
                    .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, idleMillis)
                    .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, idleMillis)
                    // Answers "Expect: 100-continue" only once the body is actually read, after the cheap checks.
                    .setHandler(new HttpContinueReadHandler(gate))
                    .build();
            bind(undertow, settings);
            SignalingHttpServer server = new SignalingHttpServer(undertow, worker, gate, pendingPolls, sockets, routes,
                    settings.shutdownGrace());
            LOG.info("serving HTTP on {}:{}", settings.host(), server.port());
            return server;
        } catch (RuntimeException e) {
            worker.shutdownNow();
            throw e;
        }
    }

    /** The port actually bound: the configured one, or the one the system picked for port 0. */
    public int port() {
        return port;
    }

    /**
     * Stops gracefully: refuses new requests, answers waiting long-polls with an empty page, closes every
     * WebSocket with 1001, lets requests in flight finish and sockets acknowledge their close within the
     * shutdown grace, then stops. Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Suspending the listener would also cut the connections of waiting long-polls; the gate refuses instead.
        gate.close();
        pendingPolls.endAll();
        sockets.closeAll();
        awaitRequestsInFlight();
        awaitSocketsClosed();
        undertow.stop();
        stopWorker();
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

    private void stopWorker() {
        worker.shutdown();
        try {
            if (worker.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }

    /** How many WebSockets are open, for tests that check closed ones are let go. */
    int openSockets() {
        return sockets.size();
    }

    /** The route table this server serves, for tests that hold it to the documentation. */
    List<Route> routes() {
        return routes;
    }

    /** Chunk uploads have their own limit, sized to the relay's chunks; every other body the general one. */
    private static long bodyLimit(Route route, HttpSettings settings) {
        return route.body() == Route.Body.OCTETS ? settings.maxChunkBodyBytes() : settings.maxRequestBodyBytes();
    }

    private static XnioWorker createWorker(HttpSettings settings) {
        try {
            return Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_NAME, "switchboard-http")
                    .set(Options.WORKER_IO_THREADS, settings.ioThreads())
                    .set(Options.WORKER_TASK_CORE_THREADS, settings.workerThreads())
                    .set(Options.WORKER_TASK_MAX_THREADS, settings.workerThreads())
                    .set(Options.TCP_NODELAY, true)
                    .getMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP worker threads", e);
        }
    }

    private static void bind(Undertow undertow, HttpSettings settings) {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop();
            String reason = causeOfType(e, BindException.class) ? "the address is in use or not available" : "";
            throw new IllegalStateException("cannot listen for HTTP on " + settings.host() + ":" + settings.port()
                    + (reason.isEmpty() ? "" : ": " + reason), e);
        }
    }

    private static boolean causeOfType(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
