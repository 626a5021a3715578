package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * One end of the transfer relay, as a client application would drive it: a signing {@link Peer} for the
 * signed calls, and the capability tokens the server handed out for the rest.
 */
final class RelayClient {
    private static final String OCTET_STREAM = "application/octet-stream";

    private final Api api;
    private final Peer peer;

    RelayClient(Api api, Peer peer) {
        this.api = api;
        this.peer = peer;
    }

    /** A client with a fresh Ed25519 identity of its own. */
    static RelayClient withNewKey(Api api) {
        return new RelayClient(api, api.newEd25519Peer());
    }

    /** The same end, key and tokens unchanged, calling another instance. */
    RelayClient via(Api other) {
        return new RelayClient(other, peer.via(other));
    }

    String keyId() {
        return peer.keyId();
    }

    /** What the sender learns on creating a transfer. */
    record Created(String transferId, String code, String senderToken, JsonNode json) {}

    /** {@code POST /v1/transfers} with the given fields. */
    ApiResponse tryCreate(Map<String, Object> body) {
        return peer.post("/v1/transfers", body);
    }

    Created create(int chunkCount, int chunkSize) {
        return create(Map.of("chunkCount", chunkCount, "chunkSize", chunkSize));
    }

    Created create(Map<String, Object> body) {
        ApiResponse created = tryCreate(body);
        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        JsonNode json = created.json();
        return new Created(json.path("transferId").asText(), json.path("code").asText(),
                json.path("senderToken").asText(), json);
    }

    ApiResponse tryClaim(String code) {
        return peer.post("/v1/transfers/claim", Map.of("code", code));
    }

    ApiResponse tryClaim(String code, String accessVerifier) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("accessVerifier", accessVerifier);
        return peer.post("/v1/transfers/claim", body);
    }

    /** Claims and returns the receiver's token. */
    String claim(String code) {
        ApiResponse claimed = tryClaim(code);
        assertThat(claimed.status()).as("claim: %s", claimed).isEqualTo(200);
        return claimed.json().path("receiverToken").asText();
    }

    ApiResponse upload(String transferId, String senderToken, int index, byte[] bytes) {
        return peer.call("PUT", chunkPath(transferId, index)).body(bytes).contentType(OCTET_STREAM)
                .bearer(senderToken).send();
    }

    BinaryResponse next(String transferId, String receiverToken) {
        return getBytes("/v1/transfers/" + transferId + "/chunks/next", receiverToken);
    }

    BinaryResponse chunk(String transferId, String token, int index) {
        return getBytes(chunkPath(transferId, index), token);
    }

    ApiResponse acknowledge(String transferId, String receiverToken, int index) {
        return peer.call("POST", chunkPath(transferId, index) + "/ack").bearer(receiverToken).send();
    }

    /** {@code GET /v1/transfers/{id}}: state and progress, with either end's token. */
    ApiResponse progress(String transferId, String token) {
        return api.send(api.withBearer("/v1/transfers/" + transferId, token).GET().build());
    }

    private BinaryResponse getBytes(String path, String token) {
        HttpRequest request = api.withBearer(path, token).GET().build();
        return api.sendForBytes(request);
    }

    private static String chunkPath(String transferId, int index) {
        return "/v1/transfers/" + transferId + "/chunks/" + index;
    }
}
