package dev.switchboard.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.model.OfferEvent;
import java.time.Instant;

/** One event for a participant, told apart by {@code type}: an answer or the other side's candidate. */
sealed interface EventJson {

    static EventJson from(OfferEvent event, WireJson json) {
        if (event instanceof OfferEvent.Answered answered) {
            return new AnswerEvent("answer", answered.sequence(), answered.offerId().value(),
                    answered.from().wireName(), answered.answer().sdp().value(), answered.answer().answeredAt());
        }
        OfferEvent.CandidateAdded added = (OfferEvent.CandidateAdded) event;
        return new CandidateEvent("candidate", added.sequence(), added.offerId().value(), added.from().wireName(),
                json.tree(added.candidate().candidate().json()), added.candidate().addedAt());
    }

    /** The offer was answered; only its owner receives this. */
    record AnswerEvent(String type, long sequence, String offerId, String from, String sdp, Instant answeredAt)
            implements EventJson {}

    /** The other side added an ICE candidate. */
    record CandidateEvent(String type, long sequence, String offerId, String from, JsonNode candidate,
            Instant addedAt) implements EventJson {}
}
