package dev.switchboard.ports.model;

import java.util.Objects;

/**
 * Something that happened on an offer that one participant must learn about. Every event carries the
 * store-issued sequence that orders it; a reader's cursor is the last sequence it has seen.
 */
public sealed interface OfferEvent {

    long sequence();

    OfferId offerId();

    /** The side whose action produced the event. */
    Role from();

    /** The offer was answered; delivered to the offer's owner. */
    record Answered(long sequence, OfferId offerId, Answer answer) implements OfferEvent {
        public Answered {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public Role from() {
            return Role.ANSWERER;
        }
    }

    /** The other side added an ICE candidate. */
    record CandidateAdded(Candidate candidate) implements OfferEvent {
        public CandidateAdded {
            Objects.requireNonNull(candidate, "candidate");
        }

        @Override
        public long sequence() {
            return candidate.sequence();
        }

        @Override
        public OfferId offerId() {
            return candidate.offerId();
        }

        @Override
        public Role from() {
            return candidate.from();
        }
    }
}
