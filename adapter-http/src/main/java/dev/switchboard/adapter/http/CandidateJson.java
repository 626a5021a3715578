package dev.switchboard.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.model.Candidate;
import java.time.Instant;
import java.util.List;

/** A stored ICE candidate; the candidate itself goes out as the JSON object the client sent, not a string. */
record CandidateJson(long sequence, String offerId, String from, JsonNode candidate, Instant addedAt) {

    static CandidateJson from(Candidate candidate, WireJson json) {
        return new CandidateJson(candidate.sequence(), candidate.offerId().value(), candidate.from().wireName(),
                json.tree(candidate.candidate().json()), candidate.addedAt());
    }

    static List<CandidateJson> fromAll(List<Candidate> candidates, WireJson json) {
        return candidates.stream().map(c -> from(c, json)).toList();
    }
}
