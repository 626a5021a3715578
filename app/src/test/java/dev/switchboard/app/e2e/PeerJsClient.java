package dev.switchboard.app.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A PeerJS peer as the {@code peerjs} 1.5 client speaks to its server, written from the protocol (not the library):
 * a WebSocket on {@code <path>peerjs?key=&id=&token=&version=} through the JDK's client, recording every frame the
 * server sends, in order, and sending {@code {type, dst, payload}} frames and {@code HEARTBEAT}.
 */
final class PeerJsClient extends RecordingWebSocket {
    static final String VERSION = "1.5.4";

    private final String id;
    private final String token;

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
        client.connect(URI.create(uri.toString()));
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

    /** Waits for the first frame of {@code type}, and returns it. */
    JsonNode awaitType(String type) {
        return awaitFrame(ofType(type));
    }

    /** Waits until {@code count} frames matching arrived, and returns them in order. */
    List<JsonNode> awaitFrames(Predicate<JsonNode> matching, int count) {
        await().atMost(PATIENCE).until(() -> frames().stream().filter(matching).count() >= count);
        return frames().stream().filter(matching).toList();
    }

    static Predicate<JsonNode> ofType(String type) {
        return frame -> frame.path("type").asText().equals(type);
    }

    /** The close code the server sent, once it closed. */
    int awaitClose() {
        return closed().exceptionally(error -> -1).join();
    }

    @Override
    public String toString() {
        return "PeerJsClient[" + id + ", frames " + frames() + "]";
    }
}
