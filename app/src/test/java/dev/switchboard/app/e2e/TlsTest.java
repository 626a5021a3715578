package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS served directly from a key store, for deployments without a TLS-terminating proxy; HSTS comes with it. */
class TlsTest {
    @TempDir
    Path directory;

    @Test
    void servesHttpsFromTheKeyStoreWithStrictTransportSecurity() throws Exception {
        SelfSignedKeyStore store = SelfSignedKeyStore.createIn(directory);
        try (StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of(
                "SWITCHBOARD_HTTP_TLS_KEYSTORE", store.file().toString(),
                "SWITCHBOARD_HTTP_TLS_KEYSTORE_PASSWORD", store.password(),
                "SWITCHBOARD_HTTP_HSTS_MAX_AGE", "30d"))) {
            HttpResponse<String> health = store.trustingClient().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + switchboard.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).contains("max-age=2592000");
            assertThatThrownBy(() -> switchboard.api().get("/health")).as("plain HTTP on the TLS port")
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
