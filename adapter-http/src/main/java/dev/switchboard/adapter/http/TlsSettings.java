package dev.switchboard.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Serving HTTPS from a key store: its file, password and type ({@code PKCS12} or {@code JKS}). The password
 * never appears in {@link #toString()}, so settings can be logged.
 *
 * @param keyStore         the key store file holding the server's private key and certificate chain
 * @param keyStorePassword the password of the store and of its key
 * @param keyStoreType     {@code PKCS12} or {@code JKS}
 */
public record TlsSettings(Path keyStore, String keyStorePassword, String keyStoreType) {
    static final Set<String> TYPES = Set.of("PKCS12", "JKS");

    public TlsSettings {
        List<String> problems = new ArrayList<>();
        if (keyStore == null) {
            problems.add("tls.keyStore must be given");
        }
        if (keyStorePassword == null) {
            problems.add("tls.keyStorePassword must be given (it may be empty)");
        }
        if (keyStoreType == null || !TYPES.contains(keyStoreType.toUpperCase(Locale.ROOT))) {
            problems.add("tls.keyStoreType must be PKCS12 or JKS, was " + keyStoreType);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid TLS settings: " + String.join("; ", problems));
        }
        keyStoreType = keyStoreType.toUpperCase(Locale.ROOT);
    }

    /**
     * A TLS context serving the store's key and certificate chain: the HTTPS listener's, and any other listener
     * of the application that serves the same certificate (the PeerJS port).
     *
     * @throws IllegalStateException naming the file (never the password) when it cannot be read, opened or used
     */
    public SSLContext serverContext() {
        char[] password = keyStorePassword.toCharArray();
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance(keyStoreType);
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot serve TLS from the " + keyStoreType + " key store " + keyStore
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", keyStorePassword=<redacted>, keyStoreType=" + keyStoreType + "]";
    }
}
