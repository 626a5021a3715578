package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.ListIceCandidates;
import dev.switchboard.ports.model.Candidate;
import java.util.List;

/** The signed candidate routes of one offer: add as the caller's role, list the other side's. */
final class IceCandidatesEndpoints {
    private final AddIceCandidates addIceCandidates;
    private final ListIceCandidates listIceCandidates;
    private final WireJson json;

    IceCandidatesEndpoints(AddIceCandidates addIceCandidates, ListIceCandidates listIceCandidates, WireJson json) {
        this.addIceCandidates = addIceCandidates;
        this.listIceCandidates = listIceCandidates;
        this.json = json;
    }

    /** {@code POST /v1/offers/{offerId}/candidates}: 201 with the stored candidates and their sequences. */
    Reply add(Call call) {
        AddIceCandidates.Request request = call.body(AddCandidatesJson.class).toRequest(call.offerId(), json);
        return Reply.created(AddedCandidatesJson.from(addIceCandidates.add(call.caller(), request)));
    }

    /** {@code GET /v1/offers/{offerId}/candidates?after=}: the other side's candidates and the next cursor. */
    Reply list(Call call) {
        long after = call.query().integer("after", 0);
        if (after < 0) {
            throw SignalingException.invalid("after", "must not be negative");
        }
        List<Candidate> candidates = listIceCandidates.list(call.caller(), call.offerId(), after);
        long cursor = candidates.isEmpty() ? after : candidates.get(candidates.size() - 1).sequence();
        return Reply.ok(new CandidatePage(CandidateJson.fromAll(candidates), cursor));
    }

    /** The body of the list: candidates in order and the last sequence seen. */
    record CandidatePage(List<CandidateJson> candidates, long cursor) {}
}
