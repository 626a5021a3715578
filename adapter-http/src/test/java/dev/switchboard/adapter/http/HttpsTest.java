package dev.switchboard.adapter.http;

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
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsTest {
    private static final String PASSWORD = "changeit-test";
    @TempDir
    static Path folder;
    private static Path keyStore;

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    @BeforeAll
    static void generateKeyStore() throws Exception {
        keyStore = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    private static HttpClient trustingTheServer() throws Exception {
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
    void servesHttpsFromTheKeyStoreWithHsts() throws Exception {
        HttpSettings settings = RunningServer.settings().withEdge(EdgeSettings.defaults()
                .withTls(new TlsSettings(keyStore, PASSWORD, "pkcs12")));
        try (RunningServer running = RunningServer.start(settings, builder -> { })) {
            HttpResponse<String> response = trustingTheServer().send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + running.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RunningServer.json(response).path("status").asText()).isEqualTo("up");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        }
    }

    @Test
    void refusesToStartWithAWrongPasswordNamingTheStoreButNotThePassword() {
        HttpSettings settings = RunningServer.settings().withEdge(EdgeSettings.defaults()
                .withTls(new TlsSettings(keyStore, "wrong-password", "PKCS12")));

        assertThatThrownBy(() -> RunningServer.start(settings, builder -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyStore.toString())
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void keepsThePasswordOutOfTheSettingsText() {
        TlsSettings tls = new TlsSettings(keyStore, PASSWORD, "JKS");

        assertThat(tls.toString()).doesNotContain(PASSWORD).contains("<redacted>", "JKS");
        assertThat(List.of(tls.keyStoreType())).containsExactly("JKS");
    }
}
