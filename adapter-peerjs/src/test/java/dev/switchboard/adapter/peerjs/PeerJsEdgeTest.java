package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The PeerJS port's own edge: HTTPS and WSS from a key store, and client addresses from trusted proxies only. */
class PeerJsEdgeTest {
    private static final String PASSWORD = "changeit";

    @RegisterExtension
    final RunningPeerJs running = new RunningPeerJs();

    @TempDir
    Path directory;

    /** A self-signed certificate for 127.0.0.1, made by the JDK's own keytool. */
    private KeyStore keyStore() throws Exception {
        Path file = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "switchboard", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static SSLContext serving(KeyStore store) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static HttpClient trusting(KeyStore store) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void servesHttpsAndWssFromTheGivenContextAndNoPlainHttp() throws Exception {
        KeyStore store = keyStore();
        running.start(RunningPeerJs.settings().withTls(serving(store)));
        HttpClient client = trusting(store);

        HttpResponse<String> description = client.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + running.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(
                URI.create("wss://127.0.0.1:" + running.port() + "/peerjs?key=peerjs&id=alice&token=t&version=1.5.4"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(PeerJsFrames.OPEN);
        assertThat(running.peerJs.holds("alice")).isTrue();
        socket.abort();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + "/"))
                        .timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString())).as("plain HTTP on the TLS port").isInstanceOf(Exception.class);
    }

    @Test
    void takesTheClientAddressFromATrustedProxysForwardingHeader() {
        running.start(RunningPeerJs.settings().withTrustedProxies(List.of("127.0.0.0/8")));

        connectVia("X-Forwarded-For", "6.6.6.6, 203.0.113.7");
        connectVia("Forwarded", "for=\"[2001:db8::7]:4711\"");

        await().atMost(Duration.ofSeconds(5)).until(() -> running.peerJs.clientAddresses.size() == 2);
        assertThat(running.peerJs.clientAddresses).containsExactly("203.0.113.7", "2001:db8:0:0:0:0:0:7");
    }

    @Test
    void ignoresForwardingHeadersFromAPeerThatIsNoTrustedProxy() {
        running.start(RunningPeerJs.settings().withTrustedProxies(List.of("10.0.0.0/8")));

        connectVia("X-Forwarded-For", "203.0.113.7");

        await().atMost(Duration.ofSeconds(5)).until(() -> running.peerJs.clientAddresses.size() == 1);
        assertThat(running.peerJs.clientAddresses).containsExactly("127.0.0.1");
    }

    private void connectVia(String header, String value) {
        String id = "peer" + running.peerJs.clientAddresses.size() + header.length();
        try (PeerClient client = PeerClient.connect(URI.create("ws://127.0.0.1:" + running.port()
                + "/peerjs?key=peerjs&id=" + id + "&token=t&version=1.5.4"), header, value)) {
            assertThat(client.next()).isEqualTo(PeerJsFrames.OPEN);
        }
    }
}
