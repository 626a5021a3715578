package dev.switchboard.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Turns {@link TlsSettings} into the TLS context the HTTPS listener serves with. */
final class KeyStores {

    private KeyStores() {}

    /** @throws IllegalStateException naming the file when it cannot be read, opened or used */
    static SSLContext serverContext(TlsSettings tls) {
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
            throw new IllegalStateException("cannot serve HTTPS from the " + tls.keyStoreType() + " key store "
                    + tls.keyStore() + ": " + e.getMessage(), e);
        }
    }
}
