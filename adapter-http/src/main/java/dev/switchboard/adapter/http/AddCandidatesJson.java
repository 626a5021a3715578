package dev.switchboard.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.OfferId;
import java.util.List;

/**
 * The body of {@code POST /v1/offers/{offerId}/candidates}. Each candidate is an opaque JSON object,
 * parsed strictly and re-serialised, so the core only ever holds well-formed JSON.
 */
record AddCandidatesJson(List<JsonNode> candidates) {

    AddIceCandidates.Request toRequest(OfferId offerId, WireJson json) {
        List<IceCandidate> parsed = Required.field(candidates, "candidates").stream()
                .map(candidate -> new IceCandidate(json.compact(candidate)))
                .toList();
        return new AddIceCandidates.Request(offerId, parsed);
    }
}
