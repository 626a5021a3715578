package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SWITCHBOARD_PEERJS_TLS=true}: the PeerJS port serves HTTPS and WSS with the HTTP API's key store, so an
 * {@code https} page's {@code peerjs} client ({@code secure: true}) connects without a proxy in front.
 */
class PeerJsTlsTest {
    @TempDir
    Path directory;

    @Test
    void servesThePeerJsProtocolOverWssWithTheHttpApisCertificate() throws Exception {
        SelfSignedKeyStore store = SelfSignedKeyStore.createIn(directory);
        try (StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of(
                "SWITCHBOARD_HTTP_TLS_KEYSTORE", store.file().toString(),
                "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", store.password(),
                "SWITCHBOARD_PEERJS_TLS", "true"))) {
            HttpClient client = store.trustingClient();
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
