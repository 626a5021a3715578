package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Candidate;
import java.util.List;

/** The response of adding candidates: {@code {"candidates":[Candidate...]}}, with their sequences. */
record AddedCandidatesJson(List<CandidateJson> candidates) {

    static AddedCandidatesJson from(List<Candidate> candidates) {
        return new AddedCandidatesJson(CandidateJson.fromAll(candidates));
    }
}
