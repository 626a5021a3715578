package dev.switchboard.app.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket on {@code GET /v1/ws} through the JDK's client, as a browser would hold one: it records every
 * frame the server pushes, in order, and sends frames as JSON text.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private SocketClient() {}

    /** Opens {@code /v1/ws?<query>} and waits for the upgrade; a refused upgrade is thrown as is. */
    static SocketClient open(Api api, String query) {
        SocketClient client = new SocketClient();
        URI uri = URI.create(api.targetUri("/v1/ws?" + query).replaceFirst("^http", "ws"));
        try {
            client.socket = CLIENT.newWebSocketBuilder().buildAsync(uri, client)
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new CompletionException(e.getCause() != null ? e.getCause() : e);
        }
        return client;
    }

    /** The HTTP status the server refused the upgrade with. */
    static int refusedStatus(Api api, String query) {
        try (SocketClient unexpected = open(api, query)) {
            throw new AssertionError("the upgrade was accepted: " + unexpected.frames);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    void send(Object frame) {
        socket.sendText(new String(Json.bytes(frame), StandardCharsets.UTF_8), true).join();
    }

    /** Every frame received so far, in order. */
    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The mailbox messages received so far (frames with a sequence), in order. */
    List<JsonNode> messages() {
        return frames.stream().filter(frame -> frame.has("sequence")).toList();
    }

    /** Waits for the first frame that matches, and returns it. */
    JsonNode awaitFrame(Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> frames.stream().anyMatch(matching));
        return frames.stream().filter(matching).findFirst().orElseThrow();
    }

    /** Whether the connection ended: closed by the server, or broken (a server killed, a link cut). */
    boolean isClosed() {
        return closed.isDone();
    }

    /** The close code the server sent, once it closed. */
    int awaitClose() {
        await().atMost(PATIENCE).until(closed::isDone);
        return closed.join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Json.parse(partial.toString()));
            partial.setLength(0);
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
}
