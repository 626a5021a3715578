package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One offer aggregate as the memory store holds it: the offer, the sequence of its answer (0 while
 * unanswered) and each side's candidates in sequence order. Immutable, so readers need no lock.
 */
record StoredOffer(Offer offer, long answerSequence, List<Candidate> fromOfferer, List<Candidate> fromAnswerer) {

    StoredOffer {
        Objects.requireNonNull(offer, "offer");
        fromOfferer = List.copyOf(fromOfferer);
        fromAnswerer = List.copyOf(fromAnswerer);
    }

    static StoredOffer published(Offer offer) {
        if (offer.isAnswered()) {
            throw new IllegalArgumentException("offer " + offer.id() + " is new and cannot carry an answer yet");
        }
        return new StoredOffer(offer, 0, List.of(), List.of());
    }

    List<Candidate> candidatesFrom(Role side) {
        return side == Role.OFFERER ? fromOfferer : fromAnswerer;
    }

    /** The answer as an event for the owner, once there is one. */
    Optional<OfferEvent.Answered> answeredEvent() {
        return offer.answer().map(answer -> new OfferEvent.Answered(answerSequence, offer.id(), answer));
    }

    StoredOffer answered(Answer answer, Instant retainUntil, long sequence) {
        return new StoredOffer(offer.withAnswer(answer, retainUntil), sequence, fromOfferer, fromAnswerer);
    }

    StoredOffer withCandidates(Role side, List<Candidate> added) {
        List<Candidate> extended = new ArrayList<>(candidatesFrom(side));
        extended.addAll(added);
        return side == Role.OFFERER
                ? new StoredOffer(offer, answerSequence, extended, fromAnswerer)
                : new StoredOffer(offer, answerSequence, fromOfferer, extended);
    }

    StoredOffer withTags(Tags tags) {
        return new StoredOffer(offer.withTags(tags), answerSequence, fromOfferer, fromAnswerer);
    }
}
