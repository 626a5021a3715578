package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Sdp;

/** The body of {@code POST /v1/offers/{offerId}/answer}. */
record AnswerOfferJson(String sdp) {

    AnswerOffer.Request toRequest(OfferId offerId) {
        return new AnswerOffer.Request(offerId, new Sdp(sdp));
    }
}
