package dev.switchboard.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * HTTPS served directly from a key store, for deployments without a TLS-terminating proxy.
 * {@link #toString()} never shows the password.
 *
 * @param keyStore         the key store file holding the server's private key and certificate chain
 * @param keyStorePassword the password of the key store and of the key in it
 * @param keyStoreType     {@code PKCS12} (the default) or {@code JKS}
 */
public record TlsConfig(Path keyStore, String keyStorePassword, String keyStoreType) {

    public TlsConfig {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(keyStoreType, "keyStoreType");
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + keyStore + ", keyStorePassword=***, keyStoreType=" + keyStoreType + "]";
    }
}
