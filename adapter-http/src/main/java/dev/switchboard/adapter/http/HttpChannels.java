package dev.switchboard.adapter.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Sets up each accepted connection: TLS when configured, the HTTP/1.1 codec, and an {@link HttpConnection} that
 * runs the request chain. The codec's own limits on the request line and head are hard ceilings (a request
 * over them is cut with a 4xx); up to them, the edge answers the configured limits with a 431 problem, so an
 * honest client learns what it did.
 */
final class HttpChannels extends ChannelInitializer<SocketChannel> {
    private final ExchangeHandler chain;
    private final HttpSettings settings;
    private final Optional<SSLContext> tls;

    HttpChannels(ExchangeHandler chain, HttpSettings settings, Optional<SSLContext> tls) {
        this.chain = chain;
        this.settings = settings;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        // The connection asks for bytes when it has a use for them; see HttpConnection.
        channel.config().setAutoRead(false);
        if (tls.isPresent()) {
            SSLEngine engine = tls.get().createSSLEngine();
            engine.setUseClientMode(false);
            channel.pipeline().addLast("tls", new SslHandler(engine));
        }
        EdgeSettings edge = settings.edge();
        int headCeiling = edge.maxHeaderBytes() * 2 + 8192;
        HttpConnection connection = new HttpConnection(chain, tls.isPresent(), settings.idleTimeout(),
                edge.headerReadTimeout());
        channel.pipeline()
                .addLast("head-watch", new HeadWatch(connection))
                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(headCeiling)
                        .setMaxHeaderSize(headCeiling)
                        .setMaxChunkSize(ChunkedBody.CHUNK_BYTES)))
                .addLast("exchanges", connection);
    }
}
