package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The unsigned operational routes, and what happens off the map. */
@OnEveryStore
class ServiceEndpointsTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    private final Api api = SWITCHBOARD.api();

    @Test
    void reportsHealthWithTheStoreKind() {
        ApiResponse health = api.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("up");
        assertThat(health.json().path("store").asText()).isEqualTo(store.configName());
        assertThat(health.json().path("version").asText()).isNotBlank();
    }

    @Test
    void servesItsOpenApiDescription() {
        ApiResponse openApi = api.get("/openapi.yaml");

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("openapi: 3.1").contains("/v1/offers");
    }

    @Test
    void issuesACredentialWhoseSecretIs32Bytes() {
        ApiResponse issued = api.send(api.request("/v1/credentials")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().path("algorithm").asText()).isEqualTo("hmac-sha256");
        assertThat(java.util.Base64.getUrlDecoder().decode(issued.json().path("secret").asText())).hasSize(32);
    }

    @Test
    void answersAnUnknownRouteWithAProblem() {
        ApiResponse missing = api.get("/v2/nothing-here");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("not_found");
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }
}
