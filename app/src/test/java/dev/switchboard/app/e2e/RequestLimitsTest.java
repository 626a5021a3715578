package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** What the server refuses to read: bad JSON, wrong media types, oversized bodies and batches. */
@OnEveryStore
class RequestLimitsTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    private final Api api = SWITCHBOARD.api();
    private final Peer peer = api.newHmacPeer();
    private final String service = uniqueService();

    private static void assertRefused(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    private ApiResponse publishRaw(String json) {
        return peer.call("POST", "/v1/offers").body(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    @Nested
    class WhenTheBodyIsMalformed {
        @Test
        void refusesJsonThatDoesNotParse() {
            assertRefused(publishRaw("{\"service\":\"" + service + "\",\"offers\":["), 400, "malformed_request");
        }

        @Test
        void refusesAnUnknownField() {
            assertRefused(publishRaw("{\"service\":\"" + service + "\",\"offers\":[{\"sdp\":\"v=0\"}],\"colour\":1}"),
                    400, "malformed_request");
        }

        @Test
        void refusesADuplicateField() {
            assertRefused(publishRaw("{\"service\":\"" + service + "\",\"service\":\"" + service
                    + "\",\"offers\":[{\"sdp\":\"v=0\"}]}"), 400, "malformed_request");
        }

        @Test
        void refusesAValueThatBreaksARule() {
            assertRefused(publishRaw("{\"service\":\"Not A Service\",\"offers\":[{\"sdp\":\"v=0\"}]}"),
                    422, "validation_failed");
        }

        @Test
        void refusesABodyThatIsNotJson() {
            ApiResponse response = peer.call("POST", "/v1/offers")
                    .body("service=chat".getBytes(StandardCharsets.UTF_8))
                    .contentType("text/plain")
                    .send();

            assertRefused(response, 415, "unsupported_media_type");
        }
    }

    @Nested
    class WhenTheRequestIsTooLarge {
        @Test
        void refusesABodyDeclaredLargerThanTheConfiguredMaximumBeforeReadingIt() {
            // The test settings allow 1 MiB.
            ApiResponse response = api.sendHeadOnly("POST /v1/offers HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + (1024 * 1024 + 1) + "\r\n");

            assertRefused(response, 413, "payload_too_large");
            assertThat(count()).isZero();
        }

        @Test
        void refusesABatchOverTheWorkLimitAndRunsNoneOfIt() {
            List<Map<String, String>> hundredOffers =
                    IntStream.range(0, 100).mapToObj(i -> Map.of("sdp", "v=0 " + i)).toList();
            List<Map<String, Object>> elevenPublications = IntStream.range(0, 11)
                    .mapToObj(i -> Map.<String, Object>of("op", "publish", "service", service, "offers", hundredOffers))
                    .toList();

            ApiResponse response = peer.post("/v1/batch", Map.of("operations", elevenPublications));

            assertRefused(response, 413, "batch_too_large");
            assertThat(count()).isZero();
        }

        @Test
        void refusesABatchOfMoreThanAHundredOperations() {
            List<Map<String, Object>> operations = IntStream.range(0, 101)
                    .mapToObj(i -> Map.<String, Object>of("op", "publish", "service", service,
                            "offers", List.of(Map.of("sdp", "v=0"))))
                    .toList();

            assertRefused(peer.post("/v1/batch", Map.of("operations", operations)), 413, "batch_too_large");
            assertThat(count()).isZero();
        }
    }

    private long count() {
        return api.get("/v1/offers/count?service=" + service).json().path("count").asLong();
    }
}
