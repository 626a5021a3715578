package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS served directly from a key store, for deployments without a TLS-terminating proxy; HSTS comes with it. */
class TlsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    Path directory;

    /** A self-signed certificate for 127.0.0.1, made by the JDK's own keytool. */
    private Path keyStore() throws Exception {
        Path file = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "switchboard", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        return file;
    }

    /** A client that trusts exactly that certificate. */
    private static HttpClient trusting(Path keyStore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void servesHttpsFromTheKeyStoreWithStrictTransportSecurity() throws Exception {
        Path store = keyStore();
        try (StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of(
                "SWITCHBOARD_HTTP_TLS_KEYSTORE", store.toString(),
                "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", PASSWORD,
                "SWITCHBOARD_HTTP_HSTS_MAX_AGE", "30d"))) {
            HttpResponse<String> health = trusting(store).send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + switchboard.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).contains("max-age=2592000");
            assertThatThrownBy(() -> switchboard.api().get("/health")).as("plain HTTP on the TLS port")
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
