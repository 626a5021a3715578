package dev.switchboard.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS context a listener serves with, from the configured key store: for the PeerJS port, which serves the
 * HTTP API's certificate but is no part of the HTTP adapter (whose own listener builds its context itself).
 */
final class ServerTlsContext {

    private ServerTlsContext() {}

    /** @throws IllegalStateException naming the file (never the password) when it cannot be read or used */
    static SSLContext of(TlsConfig tls) {
        char[] password = tls.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            KeyStore store = KeyStore.getInstance(tls.keyStoreType());
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot serve TLS from the " + tls.keyStoreType() + " key store "
                    + tls.keyStore() + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
