package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.ports.model.OfferEvent;
import java.time.Instant;

/** One event for a participant, told apart by {@code type}: an answer or the other side's candidate. */
sealed interface EventJson {

    static EventJson from(OfferEvent event) {
        if (event instanceof OfferEvent.Answered answered) {
            return new AnswerEvent("answer", answered.sequence(), answered.offerId().value(),
                    answered.from().wireName(), answered.answer().sdp().value(), answered.answer().answeredAt());
        }
        OfferEvent.CandidateAdded added = (OfferEvent.CandidateAdded) event;
        return new CandidateEvent("candidate", added.sequence(), added.offerId().value(), added.from().wireName(),
                added.candidate().candidate().json(), added.candidate().addedAt());
    }

    /** The offer was answered; only its owner receives this. */
    record AnswerEvent(String type, long sequence, String offerId, String from, String sdp, Instant answeredAt)
            implements EventJson {}

    /** The other side added an ICE candidate, written back raw as the compact JSON object it was stored as. */
    record CandidateEvent(String type, long sequence, String offerId, String from, @JsonRawValue String candidate,
            Instant addedAt) implements EventJson {}
}
