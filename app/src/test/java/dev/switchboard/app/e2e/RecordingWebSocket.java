package dev.switchboard.app.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
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
 * A WebSocket through the JDK's client that records every text frame the server sends, in order, as JSON (a frame
 * that is not JSON is kept apart as text), and sends JSON or raw text frames: what the protocol clients of these
 * tests share.
 */
abstract class RecordingWebSocket implements WebSocket.Listener, AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final List<String> unparsable = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Opens {@code uri} and waits for the upgrade; a refused upgrade is thrown as is, in a CompletionException. */
    final void connect(URI uri) {
        try {
            socket = CLIENT.newWebSocketBuilder().buildAsync(uri, this).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new CompletionException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Sends any JSON value as one text frame. */
    final void sendFrame(Object frame) {
        sendText(new String(Json.bytes(frame), StandardCharsets.UTF_8));
    }

    /** Sends exactly {@code text} as one text frame, JSON or not. */
    final void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Every frame received so far, in order. */
    final List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Text frames that were not JSON. */
    final List<String> unparsable() {
        return List.copyOf(unparsable);
    }

    /** Waits for the first frame that matches, and returns it. */
    final JsonNode awaitFrame(Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> frames.stream().anyMatch(matching));
        return frames.stream().filter(matching).findFirst().orElseThrow();
    }

    /** Whether the connection ended: closed by the server, or broken (a server killed, a link cut). */
    final boolean isClosed() {
        return closed.isDone();
    }

    /** Completes with the close code the server sent, or exceptionally when the connection broke. */
    final CompletableFuture<Integer> closed() {
        await().atMost(PATIENCE).until(closed::isDone);
        return closed;
    }

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
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
    public final CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public final void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Closes normally and drops the connection without waiting for the server's answer. */
    @Override
    public final void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(error -> null);
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
