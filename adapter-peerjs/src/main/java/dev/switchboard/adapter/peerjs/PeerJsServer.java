package dev.switchboard.adapter.peerjs;

import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.transport.netty.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PeerJS-compatible server: the {@code peer} server's HTTP routes and WebSocket protocol on Netty
 * (Linux's epoll where available), translated onto the PeerJS driving ports. Use cases run on worker threads,
 * or on the network threads when the settings say they never block. The expiry of queued messages is not
 * scheduled here: whoever embeds the server runs {@code ExpirePeerMessages}.
 */
public final class PeerJsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerJsServer.class);

    private final EventLoopGroup network;
    private final ExecutorService workers;
    private final Channel listener;
    private final PeerSockets sockets;
    private final Duration shutdownGrace;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PeerJsServer(EventLoopGroup network, ExecutorService workers, Channel listener, PeerSockets sockets,
            Duration shutdownGrace) {
        this.network = network;
        this.workers = workers;
        this.listener = listener;
        this.sockets = sockets;
        this.shutdownGrace = shutdownGrace;
        this.port = ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Binds and starts serving; throws if the port cannot be bound. */
    public static PeerJsServer start(PeerJsSettings settings, PeerJsUseCases peerJs) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(peerJs, "peerJs");
        NettyTransport transport = NettyTransport.best();
        EventLoopGroup network = transport.eventLoops(settings.ioThreads(), "peerjs-io");
        ExecutorService workers = Executors.newFixedThreadPool(settings.workerThreads(),
                new DefaultThreadFactory("peerjs-worker", true));
        try {
            PeerSockets sockets = new PeerSockets();
            Channel listener = new ServerBootstrap().group(network).channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childHandler(new PeerJsChannels(settings, peerJs, sockets, workers))
                    .bind(settings.host(), settings.port()).syncUninterruptibly().channel();
            PeerJsServer server = new PeerJsServer(network, workers, listener, sockets, settings.shutdownGrace());
            LOG.info("PeerJS server listening on {}:{} under {} ({}, {}, use cases on {})", settings.host(),
                    server.port, settings.path(), settings.tls().isPresent() ? "HTTPS and WSS" : "HTTP and WS",
                    transport.name(), settings.useCasesBlock() ? "worker threads" : "network threads");
            return server;
        } catch (RuntimeException e) {
            network.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownNow();
            throw e;
        }
    }

    /** The port bound, the one chosen when the settings asked for 0. */
    public int port() {
        return port;
    }

    /**
     * Stops accepting, closes every socket with 1001 (going away), waits for them to acknowledge within the
     * shutdown grace, then lets the workers finish letting the peers go.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        listener.close().syncUninterruptibly();
        sockets.closeAll();
        try {
            if (!sockets.awaitClosed(shutdownGrace)) {
                LOG.warn("{} PeerJS sockets still open after {}; stopping anyway", sockets.size(), shutdownGrace);
            }
            // Closing a socket hands the release of its id to a worker: let those finish before the loops stop.
            workers.shutdown();
            if (!workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                workers.shutdownNow();
            }
            network.shutdownGracefully(0, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .await(shutdownGrace.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
            network.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
        LOG.info("PeerJS server on port {} stopped", port);
    }

    /** How many sockets are open, for tests that check closed ones are let go. */
    int openSockets() {
        return sockets.size();
    }
}
