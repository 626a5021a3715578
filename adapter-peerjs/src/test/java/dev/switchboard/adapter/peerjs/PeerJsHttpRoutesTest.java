package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeerJsHttpRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final RunningPeerJs running = new RunningPeerJs(useCasesBlock());

    /** Whether the server runs use cases on worker threads; a subclass runs the same tests on the network threads. */
    boolean useCasesBlock() {
        return true;
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void describesItselfAsThePeerServerDoes() throws Exception {
        running.start();

        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"name\":\"PeerJS Server\",\"description\":\"A server side element"
                + " to broker connections between PeerJS clients.\",\"website\":\"https://peerjs.com/\"}");
    }

    @Test
    void generatesAnIdAsPlainText() throws Exception {
        running.start();

        HttpResponse<String> response = get("/peerjs/id");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).isEqualTo("peerjs-generated");
    }

    @Test
    void refusesAFreshIdWith401WhereIdsComeWithTokens() throws Exception {
        running.peerJs.tokensRequired = true;
        running.start();

        HttpResponse<String> response = get("/peerjs/id");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Ids come with tokens here");
    }

    @Test
    void refusesAnIdForAnUnknownKeyWith401() throws Exception {
        running.start();

        HttpResponse<String> response = get("/wrong/id");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Invalid key provided");
    }

    @Test
    void refusesToListPeersWith401WhileDiscoveryIsOff() throws Exception {
        running.start();

        assertThat(get("/peerjs/peers").statusCode()).isEqualTo(401);
    }

    @Test
    void listsConnectedPeersAsAJsonArrayWhenDiscoveryIsOn() throws Exception {
        running.peerJs.discovery = true;
        running.start();
        try (PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            HttpResponse<String> response = get("/peerjs/peers");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("[\"alice\",\"bob\"]");
        }
    }

    @Test
    void servesEveryRouteUnderTheConfiguredPath() throws Exception {
        PeerJsSettings base = RunningPeerJs.settings();
        running.start(new PeerJsSettings(base.host(), 0, "/myapp", base.allowedOrigins(), base.maxFrameBytes(),
                base.pingInterval(), 1, 2, base.shutdownGrace()));

        assertThat(get("/myapp/").body()).contains("PeerJS Server");
        assertThat(get("/myapp/peerjs/id").body()).isEqualTo("peerjs-generated");
        assertThat(get("/peerjs/id").statusCode()).isEqualTo(404);
        try (PeerClient client = PeerClient.connect(URI.create(
                "ws://127.0.0.1:" + running.port() + "/myapp/peerjs?key=peerjs&id=alice&token=t"))) {
            assertThat(client.next()).isEqualTo("{\"type\":\"OPEN\"}");
        }
    }

    @Test
    void allowsAnyOriginByDefault() throws Exception {
        running.start();

        assertThat(get("/peerjs/id", "Origin", "https://app.example").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void allowsOnlyTheConfiguredOriginsWhenThereAreSome() throws Exception {
        PeerJsSettings base = RunningPeerJs.settings();
        running.start(new PeerJsSettings(base.host(), 0, "/", List.of("https://app.example"), base.maxFrameBytes(),
                base.pingInterval(), 1, 2, Duration.ofSeconds(1)));

        assertThat(get("/peerjs/id", "Origin", "https://app.example").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(get("/peerjs/id", "Origin", "https://evil.example").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(HTTP.newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + running.port() + "/peerjs?key=peerjs&id=a&token=t"),
                        new PeerClient())
                .handle((socket, failure) -> failure).join()).as("refused handshake").isNotNull();
        try (PeerClient allowed = PeerClient.connect(URI.create(
                "ws://127.0.0.1:" + running.port() + "/peerjs?key=peerjs&id=a&token=t"))) {
            assertThat(allowed.next()).isEqualTo(PeerJsFrames.OPEN);
        }
    }

    /** Pings every 250 ms: an alive timeout of one second, which also bounds how long a request may take to arrive. */
    private PeerJsServer startWithAShortAliveTimeout() {
        PeerJsSettings base = RunningPeerJs.settings();
        return running.start(new PeerJsSettings(base.host(), 0, base.path(), base.allowedOrigins(), base.maxFrameBytes(),
                Duration.ofMillis(250), 1, 2, base.shutdownGrace()));
    }

    @Test
    void closesAConnectionWhoseRequestDoesNotArriveWholeWithinTheAliveTimeout() throws Exception {
        startWithAShortAliveTimeout();
        try (Socket socket = new Socket("127.0.0.1", running.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /peerjs/id HTTP/1.1\r\nHost: te".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();

            byte[] answer = socket.getInputStream().readAllBytes();

            assertThat(answer).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void closesAKeptAliveConnectionThatStaysIdleForTheAliveTimeoutAfterItsAnswer() throws Exception {
        startWithAShortAliveTimeout();
        try (Socket socket = new Socket("127.0.0.1", running.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /peerjs/id HTTP/1.1\r\nHost: test\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void keepsAWebSocketOpenBeyondTheAliveTimeoutOfItsHttpRequestWhileItAnswersPings() throws Exception {
        startWithAShortAliveTimeout();
        try (PeerClient peer = PeerClient.connect(URI.create(
                "ws://127.0.0.1:" + running.port() + "/peerjs?key=peerjs&id=a&token=t"))) {
            assertThat(peer.next()).isEqualTo(PeerJsFrames.OPEN);
            Thread.sleep(2_000);

            assertThat(peer.isClosed()).isFalse();
        }
    }
}
