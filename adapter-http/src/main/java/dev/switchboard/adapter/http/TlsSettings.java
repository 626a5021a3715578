package dev.switchboard.adapter.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", keyStorePassword=<redacted>, keyStoreType=" + keyStoreType + "]";
    }
}
