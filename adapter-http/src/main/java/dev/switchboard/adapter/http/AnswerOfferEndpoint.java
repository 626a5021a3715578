package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.AnswerOffer;

/** {@code POST /v1/offers/{offerId}/answer}: answers an offer; exactly one answer wins. */
final class AnswerOfferEndpoint implements Endpoint {
    private final AnswerOffer answerOffer;

    AnswerOfferEndpoint(AnswerOffer answerOffer) {
        this.answerOffer = answerOffer;
    }

    @Override
    public Reply handle(Call call) {
        AnswerOffer.Request request = call.body(AnswerOfferJson.class).toRequest(call.offerId());
        return Reply.created(AnsweredOfferJson.from(answerOffer.answer(call.caller(), request)));
    }
}
