package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client for the tests, on the JDK's {@code java.net.http.WebSocket}: it collects the text
 * frames the server sends and how the server closed the socket. The JDK answers pings with pongs itself.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** How the server closed the socket. */
    record Closed(int code, String reason) {}

    private SocketClient() {}

    /** Opens {@code /v1/ws?<query>}; fails with the JDK's handshake exception when the server refuses. */
    static CompletableFuture<SocketClient> open(RunningServer running, String query) {
        SocketClient client = new SocketClient();
        return CLIENT.newWebSocketBuilder()
                .connectTimeout(PATIENCE)
                .buildAsync(URI.create("ws://127.0.0.1:" + running.port() + "/v1/ws?" + query), client)
                .thenApply(socket -> client);
    }

    /** Opens a socket as ALICE with her ticket and the given extra query, e.g. {@code &after=3}. */
    static SocketClient connect(RunningServer running, String extraQuery) {
        return open(running, "ticket=" + UseCaseDoubles.ALICE_TICKET + extraQuery).orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The next frame the server sent, as JSON; fails if none comes in time. */
    JsonNode next() {
        return RunningServer.json(nextText());
    }

    /** The next frame the server sent, exactly as sent. */
    String nextText() {
        try {
            String frame = frames.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                fail("no frame arrived within " + PATIENCE + (closed.isDone() ? "; the socket closed: " + closed.join() : ""));
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} frames. */
    List<JsonNode> next(int count) {
        List<JsonNode> received = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /** Asserts that no frame arrives for a little while. */
    void expectSilence(Duration wait) {
        try {
            String frame = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame the server should not have sent").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** How the server closed the socket; fails if it does not close in time. */
    Closed awaitClose() {
        return closed.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
