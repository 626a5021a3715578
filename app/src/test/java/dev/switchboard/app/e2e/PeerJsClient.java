package dev.switchboard.app.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A PeerJS peer as the {@code peerjs} 1.5 client speaks to its server, written from the protocol (not the library):
 * a WebSocket on {@code <path>peerjs?key=&id=&token=&version=} through the JDK's client, recording every frame the
 * server sends, in order, and sending {@code {type, dst, payload}} frames and {@code HEARTBEAT}.
 */
final class PeerJsClient implements WebSocket.Listener, AutoCloseable {
    static final String VERSION = "1.5.4";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final String id;
    private final String token;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final List<String> unparsable = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private PeerJsClient(String id, String token) {
        this.id = id;
        this.token = token;
    }

    /** A fresh id in the format the client accepts, unique enough to share a server (and a database) with others. */
    static String newId(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** A fresh token, as the client makes one per {@code Peer} object. */
    static String newToken() {
        return Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    /** Connects as {@code id} with a fresh token to key {@code peerjs} and waits for {@code OPEN}. */
    static PeerJsClient open(int port, String path, String id) {
        PeerJsClient client = connect(port, path, Map.of("key", "peerjs", "id", id, "token", newToken()));
        client.awaitType("OPEN");
        return client;
    }

    /** Connects as {@code id} with {@code token} to key {@code key}; waits for the upgrade only. */
    static PeerJsClient connect(int port, String path, String key, String id, String token) {
        return connect(port, path, Map.of("key", key, "id", id, "token", token));
    }

    /** Connects with exactly these query parameters (and {@code version}); waits for the upgrade only. */
    static PeerJsClient connect(int port, String path, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put("version", VERSION);
        StringBuilder uri = new StringBuilder("ws://127.0.0.1:").append(port).append(path).append("peerjs?");
        query.forEach((name, value) -> uri.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        uri.setLength(uri.length() - 1);
        PeerJsClient client = new PeerJsClient(parameters.get("id"), parameters.get("token"));
        try {
            client.socket = CLIENT.newWebSocketBuilder().buildAsync(URI.create(uri.toString()), client)
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new CompletionException(e.getCause() != null ? e.getCause() : e);
        }
        return client;
    }

    String id() {
        return id;
    }

    String token() {
        return token;
    }

    /** Sends {@code {"type":type,"dst":dst,"payload":payload}}, as the client sends a signal. */
    void send(String type, String dst, Object payload) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("dst", dst);
        frame.put("payload", payload);
        sendFrame(frame);
    }

    void heartbeat() {
        sendFrame(Map.of("type", "HEARTBEAT"));
    }

    /** Sends any JSON value as one text frame. */
    void sendFrame(Object frame) {
        sendText(new String(Json.bytes(frame), StandardCharsets.UTF_8));
    }

    /** Sends exactly {@code text} as one text frame, JSON or not. */
    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Every frame received so far, in order. */
    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Waits for the first frame that matches, and returns it. */
    JsonNode awaitFrame(Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> frames.stream().anyMatch(matching));
        return frames.stream().filter(matching).findFirst().orElseThrow();
    }

    /** Waits for the first frame of {@code type}, and returns it. */
    JsonNode awaitType(String type) {
        return awaitFrame(ofType(type));
    }

    /** Waits until {@code count} frames matching arrived, and returns them in order. */
    List<JsonNode> awaitFrames(Predicate<JsonNode> matching, int count) {
        await().atMost(PATIENCE).until(() -> frames.stream().filter(matching).count() >= count);
        return frames.stream().filter(matching).toList();
    }

    static Predicate<JsonNode> ofType(String type) {
        return frame -> frame.path("type").asText().equals(type);
    }

    /** The close code the server sent, once it closed. */
    int awaitClose() {
        await().atMost(PATIENCE).until(closed::isDone);
        return closed.exceptionally(error -> -1).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Text frames that were not JSON: a PeerJS server sends none. */
    List<String> unparsable() {
        return List.copyOf(unparsable);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                frames.add(Json.parse(text));
            } catch (AssertionError notJson) {
                unparsable.add(text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Closes normally and drops the connection without waiting for the server's answer. */
    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(error -> null);
        }
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public String toString() {
        return "PeerJsClient[" + id + ", frames " + frames + "]";
    }
}
