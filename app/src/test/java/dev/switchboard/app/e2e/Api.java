package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** Speaks HTTP to a running Switchboard over the loopback socket, as any client would. */
final class Api {
    private static final HttpClient CLIENT = newClient();

    private final int port;
    private final HttpClient client;

    Api(int port) {
        this(port, CLIENT);
    }

    private Api(int port, HttpClient client) {
        this.port = port;
        this.client = client;
    }

    /**
     * An Api with connections of its own, none kept from before: what a client reconnecting to a restarted server
     * uses. The JDK's client may otherwise send on a kept-alive connection the stopped server has closed but whose
     * end it has not yet read, and then wait for an answer that never comes.
     */
    static Api onNewConnections(int port) {
        return new Api(port, newClient());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The {@code @target-uri} the server reconstructs: the client sends {@code Host: 127.0.0.1:<port>}. */
    String targetUri(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(targetUri(pathAndQuery))).timeout(Duration.ofSeconds(60));
    }

    ApiResponse get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** An unsigned request with a body. */
    ApiResponse send(String method, String pathAndQuery, String contentType, byte[] body) {
        return send(request(pathAndQuery)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .build());
    }

    ApiResponse send(HttpRequest request) {
        try {
            return ApiResponse.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For responses whose body is bytes, such as a chunk. */
    BinaryResponse sendForBytes(HttpRequest request) {
        try {
            return BinaryResponse.of(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned request carrying a bearer token: a transfer capability token or the admin token. */
    HttpRequest.Builder withBearer(String pathAndQuery, String token) {
        return request(pathAndQuery).header("Authorization", "Bearer " + token);
    }

    CompletableFuture<ApiResponse> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(ApiResponse::of);
    }

    /**
     * Sends only the head of a request, over a plain socket, and reads the response: for refusals the
     * server must give before reading a body. (A real oversized body would race the server's early
     * answer against the client's writes, and JDK 17's HttpClient hangs on {@code Expect: 100-continue}
     * answered by anything but 100.)
     */
    ApiResponse sendHeadOnly(String requestHead) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestHead + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return RawResponse.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code request} as is over a plain socket and reads the response: for bodies no well-behaved client
     * would send (chunked past the limit, say). The server may answer and stop reading before the client has
     * written everything; the write's failure is then ignored and the answer read.
     */
    ApiResponse sendRaw(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server answered early and closed its side: its answer is what counts.
            }
            return RawResponse.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A peer signing with a credential the server has just issued. */
    Peer newHmacPeer() {
        ApiResponse issued = send(request("/v1/credentials").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(issued.status()).as("credential issuance: %s", issued).isEqualTo(201);
        JsonNode credential = issued.json();
        byte[] secret = Base64.getUrlDecoder().decode(credential.path("secret").asText());
        return new Peer(this, new HmacSigner(credential.path("credentialId").asText(), secret));
    }

    /** A peer signing with a fresh Ed25519 key pair of its own; the server needs no set-up for it. */
    Peer newEd25519Peer() {
        return new Peer(this, Ed25519Signer.generate());
    }
}
