package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.ports.model.Candidate;
import java.time.Instant;
import java.util.List;

/**
 * A stored ICE candidate. The candidate itself goes out as the JSON object the client sent, written raw:
 * it was stored as compact, well-formed JSON, so no tree is built to write it back.
 */
record CandidateJson(long sequence, String offerId, String from, @JsonRawValue String candidate, Instant addedAt) {

    static CandidateJson from(Candidate candidate) {
        return new CandidateJson(candidate.sequence(), candidate.offerId().value(), candidate.from().wireName(),
                candidate.candidate().json(), candidate.addedAt());
    }

    static List<CandidateJson> fromAll(List<Candidate> candidates) {
        return candidates.stream().map(CandidateJson::from).toList();
    }
}
