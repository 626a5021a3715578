package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** One client of the API with its own key: signs every call it makes, and knows the common flows. */
final class Peer {
    private final Api api;
    private final RequestSigner signer;

    Peer(Api api, RequestSigner signer) {
        this.api = api;
        this.signer = signer;
    }

    /** The same client, key and all, calling another instance: as a balancer sending it elsewhere would. */
    Peer via(Api other) {
        return new Peer(other, signer);
    }

    String keyId() {
        return signer.keyId();
    }

    SignedCall call(String method, String pathAndQuery) {
        return new SignedCall(api, signer, method, pathAndQuery);
    }

    ApiResponse get(String pathAndQuery) {
        return call("GET", pathAndQuery).send();
    }

    ApiResponse post(String path, Object body) {
        return call("POST", path).json(body).send();
    }

    ApiResponse put(String path, Object body) {
        return call("PUT", path).json(body).send();
    }

    ApiResponse delete(String path) {
        return call("DELETE", path).send();
    }

    /** Publishes {@code count} offers and returns them as the server describes them. */
    List<JsonNode> publish(String service, List<String> tags, int count) {
        List<Map<String, String>> offers = IntStream.range(0, count)
                .mapToObj(i -> Map.of("sdp", TestData.sdp("offer-" + i)))
                .toList();
        ApiResponse published = post("/v1/offers", Map.of("service", service, "tags", tags, "offers", offers));
        assertThat(published.status()).as("publish: %s", published).isEqualTo(201);
        return Json.elements(published.json().path("offers"));
    }

    /** Publishes one offer and returns its id. */
    String publishOne(String service, String... tags) {
        return publish(service, List.of(tags), 1).get(0).path("id").asText();
    }

    ApiResponse answer(String offerId, String sdp) {
        return post("/v1/offers/" + offerId + "/answer", Map.of("sdp", sdp));
    }

    ApiResponse addCandidates(String offerId, List<Map<String, Object>> candidates) {
        return post("/v1/offers/" + offerId + "/candidates", Map.of("candidates", candidates));
    }

    ApiResponse events(long after) {
        return get("/v1/events?after=" + after);
    }
}
