package dev.switchboard.adapter.peerjs;

import dev.switchboard.ports.driving.PeerJsUseCases;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
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
 * The PeerJS-compatible server: the {@code peer} server's HTTP routes and WebSocket protocol on Undertow,
 * translated onto the PeerJS driving ports. Use cases run on worker threads, never on the IO threads. The
 * expiry of queued messages is not scheduled here: whoever embeds the server runs
 * {@code ExpirePeerMessages}.
 */
public final class PeerJsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerJsServer.class);

    private final Undertow undertow;
    private final XnioWorker worker;
    private final PeerSockets sockets;
    private final Duration shutdownGrace;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PeerJsServer(Undertow undertow, XnioWorker worker, PeerSockets sockets, Duration shutdownGrace,
            int port) {
        this.undertow = undertow;
        this.worker = worker;
        this.sockets = sockets;
        this.shutdownGrace = shutdownGrace;
        this.port = port;
    }

    /** Binds and starts serving; throws if the port cannot be bound. */
    public static PeerJsServer start(PeerJsSettings settings, PeerJsUseCases peerJs) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(peerJs, "peerJs");
        XnioWorker worker = createWorker(settings);
        try {
            PeerSockets sockets = new PeerSockets();
            Undertow.Builder builder = Undertow.builder()
                    .setWorker(worker)
                    .setHandler(new PeerJsRoutes(settings, peerJs, sockets, worker));
            if (settings.tls().isPresent()) {
                builder.addHttpsListener(settings.port(), settings.host(), settings.tls().get());
            } else {
                builder.addHttpListener(settings.port(), settings.host());
            }
            Undertow undertow = builder.build();
            undertow.start();
            int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            LOG.info("PeerJS server listening on {}:{} under {} ({})", settings.host(), port, settings.path(),
                    settings.tls().isPresent() ? "HTTPS and WSS" : "HTTP and WS");
            return new PeerJsServer(undertow, worker, sockets, settings.shutdownGrace(), port);
        } catch (RuntimeException e) {
            worker.shutdownNow();
            throw e;
        }
    }

    /** The port bound, the one chosen when the settings asked for 0. */
    public int port() {
        return port;
    }

    /**
     * Closes every socket with 1001 (going away), waits for them to acknowledge within the shutdown grace,
     * then stops listening and lets the workers finish letting the peers go.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        sockets.closeAll();
        try {
            if (!sockets.awaitClosed(shutdownGrace)) {
                LOG.warn("{} PeerJS sockets still open after {}; stopping anyway", sockets.size(), shutdownGrace);
            }
            undertow.stop();
            worker.shutdown();
            if (!worker.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            undertow.stop();
            worker.shutdownNow();
        }
        LOG.info("PeerJS server on port {} stopped", port);
    }

    /** How many sockets are open, for tests that check closed ones are let go. */
    int openSockets() {
        return sockets.size();
    }

    private static XnioWorker createWorker(PeerJsSettings settings) {
        try {
            return Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, settings.ioThreads())
                    .set(Options.WORKER_TASK_CORE_THREADS, settings.workerThreads())
                    .set(Options.WORKER_TASK_MAX_THREADS, settings.workerThreads())
                    .set(Options.WORKER_NAME, "peerjs")
                    .getMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PeerJS worker threads", e);
        }
    }
}
