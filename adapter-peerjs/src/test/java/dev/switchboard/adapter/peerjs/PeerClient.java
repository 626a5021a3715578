package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client of the PeerJS socket (the JDK's), keeping every text frame and the close. */
final class PeerClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static PeerClient connect(int port, String query) {
        return connect(URI.create("ws://127.0.0.1:" + port + "/peerjs?" + query));
    }

    static PeerClient connect(URI uri) {
        PeerClient client = new PeerClient();
        client.socket = HTTP.newWebSocketBuilder().buildAsync(uri, client).join();
        return client;
    }

    /** Connects sending one more request header, as a proxy in front would add it. */
    static PeerClient connect(URI uri, String header, String value) {
        PeerClient client = new PeerClient();
        client.socket = HTTP.newWebSocketBuilder().header(header, value).buildAsync(uri, client).join();
        return client;
    }

    /** Connects as {@code id} with token {@code tok} in the fake's realm and waits for OPEN. */
    static PeerClient open(int port, String id) {
        return open(port, id, "tok-" + id);
    }

    static PeerClient open(int port, String id, String token) {
        PeerClient client = connect(port, "key=" + FakePeerJs.KEY + "&id=" + id + "&token=" + token + "&version=1.5.4");
        assertThat(client.next()).isEqualTo(PeerJsFrames.OPEN);
        return client;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Sends unless the server has closed the socket meanwhile (a flood's later frames may meet the server's close);
     * returns whether it was sent.
     */
    boolean trySend(String text) {
        try {
            send(text);
            return true;
        } catch (CompletionException closed) {
            return false;
        }
    }

    /** The next text frame, failing after 5 s. */
    String next() {
        try {
            String frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The frames that arrive within {@code wait}. */
    List<String> drain(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<String> all = new ArrayList<>();
        frames.drainTo(all);
        return all;
    }

    /** The close code the server sent, failing after 5 s. */
    int closeCode() {
        return closed.orTimeout(5, TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
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
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }
}
