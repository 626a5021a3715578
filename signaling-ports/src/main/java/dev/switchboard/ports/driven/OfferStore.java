package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Tags;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Owns the offer aggregate: an offer, its single answer and its candidates, and decides the races on
 * them. Answers and candidates get a sequence number from one monotonic counter of the store; readers
 * never see a sequence before every smaller one is visible, so a cursor never skips an event.
 */
public interface OfferStore {

    /** Stores new offers, all or none. */
    void saveAll(List<Offer> offers);

    /** The offer with its answer, expired or not, until it is deleted or swept. */
    Optional<Offer> find(OfferId id);

    /**
     * Attaches {@code answer} if the offer exists, is unexpired at {@code now} and has no answer yet, and
     * moves its expiry to {@code retainUntil}. Of concurrent attempts on one offer exactly one wins.
     */
    AnswerAttempt attachAnswerIfNone(OfferId id, Answer answer, Instant now, Instant retainUntil);

    /**
     * Appends candidates from one side, all or none, if the offer exists, is unexpired at {@code now},
     * and that side would hold at most {@code maxPerSide} candidates afterwards.
     */
    CandidateAppend appendCandidates(
            OfferId id, Role from, List<IceCandidate> candidates, Instant now, int maxPerSide);

    /** Candidates sent by {@code from} on one offer with a sequence above {@code afterSequence}, in order. */
    List<Candidate> candidates(OfferId id, Role from, long afterSequence);

    /**
     * Events for {@code recipientKeyId} with a sequence above {@code afterSequence}, in sequence order, at
     * most {@code limit}: answers to offers it owns, candidates from the answerer on offers it owns, and
     * candidates from the owner on offers it answered (including those sent before its answer).
     */
    List<OfferEvent> eventsFor(String recipientKeyId, long afterSequence, int limit);

    /** How many offers match {@code query} and are available (unanswered, unexpired) at {@code now}. */
    long countAvailable(OfferQuery query, Instant now);

    /**
     * Available matching offers in discovery order ({@link OfferCursor#DISCOVERY_ORDER}) strictly after
     * {@code after}, at most {@code limit}.
     */
    List<Offer> listAvailable(OfferQuery query, Instant now, Optional<OfferCursor> after, int limit);

    /** The available matching offer at zero-based {@code index} in discovery order, if there is one. */
    Optional<Offer> availableAt(OfferQuery query, Instant now, long index);

    /** Replaces an offer's tags; returns the updated offer, or empty if it is gone. */
    Optional<Offer> replaceTags(OfferId id, Tags tags);

    /** Deletes an offer with its answer and candidates; returns whether it existed. */
    boolean delete(OfferId id);

    /** Deletes every offer expired at {@code now}, with its answer and candidates; returns how many. */
    int deleteExpired(Instant now);

    /** The outcome of {@link #attachAnswerIfNone}. */
    sealed interface AnswerAttempt {
        /** This answer won; the offer as it now is. */
        record Won(Offer offer) implements AnswerAttempt {}

        /** Another answer was already attached. */
        record AlreadyAnswered() implements AnswerAttempt {}

        /** The offer is missing or expired. */
        record Gone() implements AnswerAttempt {}
    }

    /** The outcome of {@link #appendCandidates}. */
    sealed interface CandidateAppend {
        /** Stored, with their sequences, in the order given. */
        record Appended(List<Candidate> candidates) implements CandidateAppend {
            public Appended {
                candidates = List.copyOf(candidates);
            }
        }

        /** Nothing stored: the side would exceed its limit. */
        record LimitReached() implements CandidateAppend {}

        /** Nothing stored: the offer is missing or expired. */
        record Gone() implements CandidateAppend {}
    }
}
