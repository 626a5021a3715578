package dev.switchboard.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.switchboard.adapter.http.EdgeSettings;
import dev.switchboard.adapter.http.HttpSettings;
import dev.switchboard.adapter.http.TlsSettings;

/**
 * Binds the HTTP adapter's settings. The server itself is started by {@link Switchboard}, not here:
 * opening a socket is no business of a module.
 */
final class HttpModule extends AbstractModule {
    private final HttpConfig http;
    private final TransferConfig transfers;
    private final String version;

    HttpModule(HttpConfig http, TransferConfig transfers, String version) {
        this.http = http;
        this.transfers = transfers;
        this.version = version;
    }

    /**
     * The configured address, limits, join-link base, WebSocket and edge; a chunk body may be as large as the
     * largest chunk a transfer may declare. Thread counts and the idle timeout keep the adapter's
     * defaults.
     */
    @Provides
    @Singleton
    HttpSettings settings() {
        HttpSettings defaults = HttpSettings.defaults();
        return new HttpSettings(
                http.host(),
                http.port(),
                http.maxRequestBytes(),
                transfers.maxChunkBytes(),
                http.maxEventWait(),
                version,
                defaults.ioThreads(),
                defaults.workerThreads(),
                defaults.idleTimeout(),
                http.shutdownGrace(),
                http.publicBaseUrl(),
                http.webSocket().settings(),
                edge(http.edge()));
    }

    private static EdgeSettings edge(EdgeConfig edge) {
        return new EdgeSettings(
                edge.trustedProxies(),
                edge.allowedOrigins(),
                edge.hstsMaxAge(),
                edge.maxHeaderCount(),
                edge.maxHeaderBytes(),
                edge.maxJsonDepth(),
                edge.requestTimeout(),
                edge.headerReadTimeout(),
                edge.tls().map(HttpModule::tlsSettings));
    }

    /** The HTTP adapter's form of the key store settings; the PeerJS port serves the same certificate. */
    static TlsSettings tlsSettings(TlsConfig tls) {
        return new TlsSettings(tls.keyStore(), tls.keyStorePassword(), tls.keyStoreType());
    }
}
