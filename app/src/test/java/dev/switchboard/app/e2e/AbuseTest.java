package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The security suite's abuse of the edge: oversized bodies (declared and chunked), deep and huge JSON, malformed
 * UTF-8, wrong media types and header floods are each refused, and after every one of them the server still
 * answers the next good request (checked after each test).
 */
@OnEveryStore
class AbuseTest {
    private static final int MAX_BODY = 4096;

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_MAX_REQUEST_BYTES", String.valueOf(MAX_BODY)));

    private final Api api = SWITCHBOARD.api();
    private final Peer peer = api.newHmacPeer();
    private final String service = uniqueService();

    private static void assertRefused(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        if (code != null) {
            assertThat(response.code()).isEqualTo(code);
        }
    }

    private ApiResponse publishRaw(byte[] json) {
        return peer.call("POST", "/v1/offers").body(json).send();
    }

    @AfterEach
    void stillAnswersTheNextGoodRequest() {
        assertThat(peer.publishOne(service)).isNotBlank();
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Nested
    class WhenTheBodyIsTooLarge {
        @Test
        void refusesABodyDeclaredTooLargeBeforeReadingIt() {
            ApiResponse response = api.sendHeadOnly("POST /v1/offers HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + (MAX_BODY + 1) + "\r\n");

            assertRefused(response, 413, "payload_too_large");
        }

        @Test
        void refusesAChunkedBodyThatGrowsPastTheLimitWhileItArrives() {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST /v1/offers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 8; i++) {
                request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.writeBytes(chunk);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertRefused(api.sendRaw(request.toByteArray()), 413, "payload_too_large");
        }

        @Test
        void refusesHugeJsonSignedAndSentInFull() {
            String huge = "{\"service\":\"" + service + "\",\"offers\":[{\"sdp\":\"" + "v".repeat(2 * MAX_BODY)
                    + "\"}]}";

            assertRefused(publishRaw(huge.getBytes(StandardCharsets.UTF_8)), 413, "payload_too_large");
        }
    }

    @Nested
    class WhenTheBodyIsNotValidJson {
        @Test
        void refusesJsonNestedDeeperThanTheLimit() {
            String deep = "{\"service\":\"" + service + "\",\"offers\":" + "[".repeat(200) + "]".repeat(200) + "}";

            assertRefused(publishRaw(deep.getBytes(StandardCharsets.UTF_8)), 400, "malformed_request");
        }

        @Test
        void refusesMalformedUtf8() {
            byte[] prefix = ("{\"service\":\"" + service + "\",\"offers\":[{\"sdp\":\"v=0 ")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] suffix = "\"}]}".getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(prefix);
            body.write(0xC3);
            body.write(0x28);
            body.writeBytes(suffix);

            assertRefused(publishRaw(body.toByteArray()), 400, "malformed_request");
        }

        @Test
        void refusesAWrongContentType() {
            ApiResponse response = peer.call("POST", "/v1/offers")
                    .json(Map.of("service", service, "offers", List.of(Map.of("sdp", "v=0"))))
                    .contentType("application/x-www-form-urlencoded")
                    .send();

            assertRefused(response, 415, "unsupported_media_type");
        }
    }

    @Nested
    class WhenTheHeadersAreAFlood {
        @Test
        void refusesMoreHeaderFieldsThanAllowed() {
            HttpRequest.Builder request = api.request("/health");
            for (int i = 0; i < 150; i++) {
                request.header("X-Filler-" + i, "x");
            }

            assertRefused(api.send(request.GET().build()), 431, null);
        }

        @Test
        void refusesHeadersLargerThanAllowed() {
            HttpRequest request = api.request("/health").header("X-Filler", "x".repeat(20 * 1024)).GET().build();

            assertRefused(api.send(request), 431, null);
        }
    }
}
