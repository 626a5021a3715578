package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import dev.switchboard.ports.model.Statistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebFilesTest {
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static byte[] resource(String name) {
        try (InputStream in = WebFiles.class.getResourceAsStream("web/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> get(RunningServer running, String pathAndQuery) {
        return running.sendForBytes(running.request(pathAndQuery).GET().build());
    }

    @Nested
    class WhenServed {
        private final RunningServer running = RunningServer.start(RunningServer.settings(),
                builder -> builder.webFiles(true));

        @AfterEach
        void stop() {
            running.close();
        }

        @ParameterizedTest
        @CsvSource({
                "/js/switchboard.js, switchboard.js, text/javascript; charset=utf-8",
                "/demo,              demo.html,      text/html; charset=utf-8",
                "/demo/demo.js,      demo.js,        text/javascript; charset=utf-8",
                "/demo/demo.css,     demo.css,       text/css; charset=utf-8",
                "/demo/qrcode.js,    qrcode.js,      text/javascript; charset=utf-8"})
        void servesEachFileAsItLiesInTheJarWithItsMediaType(String path, String file, String contentType) {
            HttpResponse<byte[]> response = get(running, path);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
            assertThat(response.body()).isEqualTo(resource(file));
        }

        @Test
        void servesTheDemoPageAtTheJoinLinkWhateverItsQuery() {
            HttpResponse<byte[]> response = get(running, "/join?token=inv1.abc.def&utm_source=chat");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(response.body()).isEqualTo(resource("demo.html"));
        }

        @Test
        void givesTheFilesThePagePolicyAndTheOtherSecurityHeaders() {
            HttpResponse<byte[]> response = get(running, "/demo");

            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(PAGE_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        }

        @Test
        void leavesTheApiItsOwnPolicyAndNoStore() {
            HttpResponse<byte[]> response = get(running, "/openapi.yaml");

            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }

        @Test
        void letsAFileBeCachedIfRevalidatedAndAnswers304ToItsEntityTag() {
            HttpResponse<byte[]> first = get(running, "/js/switchboard.js");
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> again = running.sendForBytes(running.request("/js/switchboard.js")
                    .header("If-None-Match", "\"other\", W/" + etag).GET().build());

            assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
            assertThat(again.headers().firstValue("Content-Security-Policy")).hasValue(PAGE_POLICY);
        }

        @Test
        void sendsTheWholeFileWhenTheClientHoldsAnotherVersion() {
            HttpResponse<byte[]> response = running.sendForBytes(running.request("/demo/demo.css")
                    .header("If-None-Match", "\"an-older-version\"").GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(resource("demo.css"));
        }

        @Test
        void givesEachFileItsOwnEntityTag() {
            assertThat(get(running, "/demo/demo.js").headers().firstValue("ETag"))
                    .isNotEqualTo(get(running, "/demo/demo.css").headers().firstValue("ETag"));
        }

        @Test
        void answersHeadWithTheHeadersAndNoBody() {
            HttpResponse<byte[]> response = running.sendForBytes(running.request("/demo")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(resource("demo.html").length);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void refusesOtherMethodsWithTheOnesItHas() {
            HttpResponse<String> response = running.send("POST", "/demo", "{}");

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("method_not_allowed");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/demo/app.js", "/demo/", "/demo/openapi.yaml", "/demo/web/demo.js", "/js/demo.js",
                "/demo.html", "/web/demo.html", "/switchboard.js"})
        void answersAnythingButTheKnownFilesAsTheApiAnswersAnUnknownPath(String path) {
            HttpResponse<byte[]> response = get(running, path);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/demo/../openapi.yaml", "/demo/../../pom.xml", "/demo/%2e%2e/openapi.yaml",
                "/demo/..%2fopenapi.yaml", "/demo/..%5c..%5cpom.xml", "/js/../demo/demo.js", "/demo/./demo.js",
                "/demo/demo.js%00.png"})
        void servesNothingOutsideTheKnownFilesWhateverThePathSegments(String target) {
            RawHttp.Response response = RawHttp.send(running.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost");

            assertThat(response.status()).isIn(400, 404);
            assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
        }
    }

    @Nested
    class WhenTurnedOff {
        private final RunningServer running = RunningServer.start(RunningServer.settings(),
                builder -> builder.webFiles(false));

        @AfterEach
        void stop() {
            running.close();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/js/switchboard.js", "/demo", "/join?token=inv1.abc.def", "/demo/demo.js"})
        void answersEveryWebFileAsAnUnknownPath(String path) {
            HttpResponse<byte[]> response = get(running, path);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
        }

        @Test
        void isTheDefault() {
            try (RunningServer plain = RunningServer.start()) {
                assertThat(get(plain, "/demo").statusCode()).isEqualTo(404);
            }
        }
    }

    @Nested
    class WhenTheAddressBudgetIsSpent {
        private final FakeLimiter limiter = new FakeLimiter().limit(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS, 1);
        private final RunningServer running = RunningServer.start(RunningServer.settings(),
                builder -> builder.webFiles(true).operations(
                        new OperationsUseCases(limiter, () -> new Statistics(0, 0, 0, 0, 0, 0, 0, 0))));

        @AfterEach
        void stop() {
            running.close();
        }

        @Test
        void refusesAFileLikeAnyOtherRequest() {
            assertThat(get(running, "/demo").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> refused = get(running, "/demo/demo.css");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("RateLimit")).isPresent();
        }
    }
}
