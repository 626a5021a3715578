package dev.switchboard.adapter.peerjs;

import dev.switchboard.ports.driving.PeerJsUseCases;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;

/**
 * Sets up each accepted connection: TLS when configured, HTTP/1.1 with requests of at most
 * {@value #MAX_REQUEST_BYTES} bytes of body (the routes take none), each to arrive whole within the alive timeout
 * ({@link HttpRequestTimeout}), and the routes, which turn a {@code <path>peerjs} upgrade into a WebSocket.
 */
final class PeerJsChannels extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 8 * 1024;

    private final PeerJsSettings settings;
    private final PeerJsRoutes routes;

    PeerJsChannels(PeerJsSettings settings, PeerJsUseCases peerJs, PeerSockets sockets, Executor workers) {
        this.settings = settings;
        this.routes = new PeerJsRoutes(settings, peerJs, sockets, workers);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (settings.tls().isPresent()) {
            SSLEngine engine = settings.tls().get().createSSLEngine();
            engine.setUseClientMode(false);
            channel.pipeline().addLast("tls", new SslHandler(engine));
        }
        channel.pipeline().addLast("http", new HttpServerCodec())
                .addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("http-timeout", new HttpRequestTimeout(
                        settings.pingInterval().toNanos() * PeerLiveness.SILENT_PINGS))
                .addLast("routes", routes);
    }
}
