package dev.switchboard.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A real server on a free loopback port, backed by {@link UseCaseDoubles}, and a client aimed at it. */
final class RunningServer implements AutoCloseable {
    static final long BODY_LIMIT = 1024;
    static final long CHUNK_LIMIT = 4096;
    static final Duration MAX_EVENT_WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The system property that runs every socket's rounds on its network thread. */
    static final String ROUNDS_ON_EVENT_LOOP = "switchboard.test.roundsOnEventLoop";

    final UseCaseDoubles doubles = new UseCaseDoubles();
    final SignalingHttpServer server;

    private RunningServer(HttpSettings settings) {
        this(settings, builder -> { });
    }

    /**
     * The suite runs twice (see the pom): once with the sockets' rounds on workers, once with them on the network
     * threads, as over the in-memory store; {@value #ROUNDS_ON_EVENT_LOOP} says which run this is.
     */
    private RunningServer(HttpSettings settings, Consumer<SignalingHttpServer.Builder> configure) {
        SignalingHttpServer.Builder builder = SignalingHttpServer.builder(settings, doubles.useCases())
                .pairing(doubles.pairingUseCases())
                .transfers(doubles.transferUseCases())
                .enterprise(doubles.enterpriseUseCases());
        if (Boolean.getBoolean(ROUNDS_ON_EVENT_LOOP)) {
            builder.nonBlockingUseCases();
        }
        configure.accept(builder);
        this.server = builder.start();
    }

    /** A server built with the builder, which {@code configure} completes (operations, metrics). */
    static RunningServer start(HttpSettings settings, Consumer<SignalingHttpServer.Builder> configure) {
        return new RunningServer(settings, configure);
    }

    static RunningServer start() {
        return new RunningServer(settings());
    }

    static RunningServer start(HttpSettings settings) {
        return new RunningServer(settings);
    }

    /**
     * Loopback, a free port, 1 KiB bodies, 4 KiB chunks, 5 s long-polls, small thread pools, 2 s shutdown grace, join
     * links from the request, and {@link #webSocketSettings()}.
     */
    static HttpSettings settings() {
        return new HttpSettings("127.0.0.1", 0, BODY_LIMIT, CHUNK_LIMIT, MAX_EVENT_WAIT, "9.9.9-test", 1, 4,
                Duration.ofSeconds(30), Duration.ofSeconds(2), Optional.empty(), webSocketSettings());
    }

    /**
     * Pings every 10 s, idle after 30 s (no test waits that long unless it asks for other settings), a
     * keep-alive at most every second, 4 KiB frames, 1000 frames a second, 3 malformed frames, 4 sockets
     * per address.
     */
    static WebSocketSettings webSocketSettings() {
        return new WebSocketSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1), 4096,
                1000, 1000, 3, 4);
    }

    int port() {
        return server.port();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
                .timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE().build());
    }

    /** A request with a JSON body. */
    HttpResponse<String> send(String method, String pathAndQuery, String json) {
        return send(method, pathAndQuery, "application/json", json);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
        return send(request(pathAndQuery).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request whose response body is kept as the bytes received. */
    HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
