package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SWITCHBOARD_PEERJS_TLS=true}: the PeerJS port serves HTTPS and WSS with the HTTP API's key store, so an
 * {@code https} page's {@code peerjs} client ({@code secure: true}) connects without a proxy in front.
 */
class PeerJsTlsTest {
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
    void servesThePeerJsProtocolOverWssWithTheHttpApisCertificate() throws Exception {
        Path store = keyStore();
        try (StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of(
                "SWITCHBOARD_HTTP_TLS_KEYSTORE", store.toString(),
                "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", PASSWORD,
                "SWITCHBOARD_PEERJS_TLS", "true"))) {
            HttpClient client = trusting(store);
            String base = "127.0.0.1:" + switchboard.peerJsPort() + "/";

            HttpResponse<String> description = client.send(HttpRequest.newBuilder(URI.create("https://" + base))
                    .build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<String> first = new CompletableFuture<>();
            WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create("wss://" + base
                    + "peerjs?key=peerjs&id=" + PeerJsClient.newId("alice") + "&token=t&version=1.5.4"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            first.complete(data.toString());
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);

            assertThat(description.statusCode()).isEqualTo(200);
            assertThat(description.body()).contains("PeerJS Server");
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"OPEN\"}");
            socket.abort();
            assertThatThrownBy(() -> new Api(switchboard.peerJsPort()).get("/")).as("plain HTTP on the TLS port")
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
