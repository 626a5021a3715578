package dev.switchboard.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.switchboard.adapter.peerjs.PeerJsSettings;
import dev.switchboard.domain.PeerJsPolicy;

/**
 * Binds the PeerJS endpoint's rules and the adapter's settings. Whether the endpoint runs is decided by
 * {@link Switchboard}, which starts it: the policy is bound either way, so the module holds no condition.
 */
final class PeerJsModule extends AbstractModule {
    private final PeerJsConfig peerJs;
    private final HttpConfig http;
    private final StoreKind store;

    PeerJsModule(PeerJsConfig peerJs, HttpConfig http, StoreKind store) {
        this.peerJs = peerJs;
        this.http = http;
        this.store = store;
    }

    @Provides
    @Singleton
    PeerJsPolicy policy() {
        return peerJs.policy();
    }

    /**
     * The configured address and limits; a stop gives requests in flight the HTTP API's grace; the proxies the HTTP
     * API trusts name PeerJS clients too; with {@code SWITCHBOARD_PEERJS_TLS}, the HTTP API's key store serves TLS.
     * Over a store whose calls never wait, use cases run on the network threads: no hand-off per message.
     */
    @Provides
    @Singleton
    PeerJsSettings settings() {
        PeerJsSettings settings = peerJs.settings(http.shutdownGrace(), http.edge());
        return store.callsWait() ? settings : settings.withNonBlockingUseCases();
    }
}
