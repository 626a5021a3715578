package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.AnswerOffer;
import java.util.List;

/** The response of an answer: the offer, now answered, and the candidates its owner had already sent. */
record AnsweredOfferJson(OfferJson offer, List<CandidateJson> offererCandidates) {

    static AnsweredOfferJson from(AnswerOffer.Result result) {
        return new AnsweredOfferJson(OfferJson.from(result.offer()), CandidateJson.fromAll(result.offererCandidates()));
    }
}
