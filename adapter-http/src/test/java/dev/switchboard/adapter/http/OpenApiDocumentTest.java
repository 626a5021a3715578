package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.ports.ErrorCode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    private static final Path OPENAPI = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final RunningServer running = RunningServer.start();

    @AfterEach
    void stop() {
        running.close();
    }

    private static JsonNode document() throws IOException {
        return new YAMLMapper().readTree(OPENAPI.toFile());
    }

    /** "GET /v1/offers/{offerId}" for every operation under paths: that uses {@code scheme}, or every one. */
    private static Set<String> documentedOperations(String scheme) throws IOException {
        Set<String> operations = new HashSet<>();
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            boolean uses = operation.getValue().path("security").toString().contains("\"" + scheme + "\"");
            if (METHODS.contains(operation.getKey()) && (uses || scheme.isEmpty())) {
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    private Set<String> servedOperations(java.util.function.Predicate<Route> which) {
        return running.server.routes().stream()
                .filter(which)
                .map(Route::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void describesEveryRouteTheServerServesAndNoOther() throws IOException {
        assertThat(documentedOperations("")).isEqualTo(servedOperations(route -> true)).hasSize(48);
    }

    @Test
    void marksExactlyTheSignedRoutesAsNeedingASignature() throws IOException {
        assertThat(documentedOperations("httpSignature")).isEqualTo(servedOperations(Route::signed));
    }

    @Test
    void marksExactlyTheAdminRoutesAsNeedingTheAdminCredential() throws IOException {
        assertThat(documentedOperations("adminBearer")).isEqualTo(documentedOperations("adminSignature"))
                .isEqualTo(servedOperations(Route::admin)).hasSize(7);
    }

    @Test
    void marksTheTransferRoutesThatTakeACapabilityToken() throws IOException {
        assertThat(documentedOperations("transferToken")).containsExactlyInAnyOrder(
                "GET /v1/transfers/{transferId}", "PUT /v1/transfers/{transferId}/chunks/{index}",
                "GET /v1/transfers/{transferId}/chunks/{index}", "GET /v1/transfers/{transferId}/chunks/next",
                "POST /v1/transfers/{transferId}/chunks/{index}/ack");
    }

    @Test
    void describesTheChunkUploadAsOctetsAndEveryOtherBodyAsJson() throws IOException {
        Set<String> octets = new HashSet<>();
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (operation.getValue().path("requestBody").path("content").has("application/octet-stream")) {
                octets.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertThat(octets).isEqualTo(servedOperations(route -> route.body() == Route.Body.OCTETS));
    }

    @Test
    void listsEveryErrorCode() throws IOException {
        Set<String> documented = new HashSet<>();
        document().at("/components/schemas/ErrorCode/enum").forEach(code -> documented.add(code.asText()));

        assertThat(documented).isEqualTo(
                Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).collect(Collectors.toSet()));
    }

    @Test
    void listsTheCodesOnlyTheEdgeRaisesApartFromThePortsCodes() throws IOException {
        Set<String> documented = new HashSet<>();
        document().at("/components/schemas/EdgeErrorCode/enum").forEach(code -> documented.add(code.asText()));

        assertThat(documented).containsExactlyInAnyOrder(EdgeProblem.ORIGIN_NOT_ALLOWED, EdgeProblem.HEADERS_TOO_LARGE);
    }

    @Test
    void describesTheRateLimitHeadersOfA429() throws IOException {
        JsonNode headers = document().at("/components/responses/RateLimited/headers");

        assertThat(headers.has("Retry-After")).isTrue();
        assertThat(headers.has(RateLimits.POLICY_HEADER.toString())).isTrue();
        assertThat(headers.has(RateLimits.STATE_HEADER.toString())).isTrue();
    }

    @Test
    void servesTheDocumentAsBuiltFromTheDocsFolder() throws IOException {
        HttpResponse<String> response = running.get("/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(response.body()).isEqualTo(Files.readString(OPENAPI));
    }
}
