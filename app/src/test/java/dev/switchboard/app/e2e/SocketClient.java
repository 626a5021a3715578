package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A WebSocket on {@code GET /v1/ws} through the JDK's client, as a browser would hold one: it records every
 * frame the server pushes, in order, and sends frames as JSON text.
 */
final class SocketClient extends RecordingWebSocket {
    private SocketClient() {}

    /** Opens {@code /v1/ws?<query>} and waits for the upgrade; a refused upgrade is thrown as is. */
    static SocketClient open(Api api, String query) {
        SocketClient client = new SocketClient();
        client.connect(URI.create(api.targetUri("/v1/ws?" + query).replaceFirst("^http", "ws")));
        return client;
    }

    /** The HTTP status the server refused the upgrade with. */
    static int refusedStatus(Api api, String query) {
        try (SocketClient unexpected = open(api, query)) {
            throw new AssertionError("the upgrade was accepted: " + unexpected.frames());
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    void send(Object frame) {
        sendFrame(frame);
    }

    /** The mailbox messages received so far (frames with a sequence), in order; the server sends only JSON. */
    List<JsonNode> messages() {
        assertThat(unparsable()).as("frames that are not JSON").isEmpty();
        return frames().stream().filter(frame -> frame.has("sequence")).toList();
    }

    /** The close code the server sent, once it closed. */
    int awaitClose() {
        return closed().join();
    }
}
