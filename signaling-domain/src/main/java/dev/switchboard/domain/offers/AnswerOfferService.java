package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.OfferStore.AnswerAttempt;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.Role;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;

/**
 * Answers someone else's live offer. The store decides the race between answers; the winner extends the
 * offer's life by the answered retention, wakes the owner, and learns the owner's candidates so far.
 */
final class AnswerOfferService implements AnswerOffer {
    private final OfferStore offers;
    private final OfferLookup lookup;
    private final EventPublisher events;
    private final InstantSource clock;
    private final OfferLifetimes lifetimes;

    AnswerOfferService(
            OfferStore offers, OfferLookup lookup, EventPublisher events, InstantSource clock,
            OfferLifetimes lifetimes) {
        this.offers = offers;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    @Override
    public Result answer(Identity caller, Request request) {
        Instant now = clock.instant();
        Offer offer = lookup.unexpired(request.offerId(), now);
        if (offer.ownerKeyId().equals(caller.keyId())) {
            throw OfferErrors.ownOffer(offer.id());
        }
        if (offer.isAnswered()) {
            throw OfferErrors.alreadyAnswered(offer.id());
        }
        Answer answer = new Answer(caller.keyId(), request.sdp(), now);
        AnswerAttempt attempt =
                offers.attachAnswerIfNone(offer.id(), answer, now, lifetimes.retentionOf(offer, now));
        if (attempt instanceof AnswerAttempt.Won won) {
            events.publish(Set.of(offer.ownerKeyId()));
            return new Result(won.offer(), offers.candidates(offer.id(), Role.OFFERER, 0));
        }
        if (attempt instanceof AnswerAttempt.AlreadyAnswered) {
            throw OfferErrors.alreadyAnswered(offer.id());
        }
        throw lookup.gone(offer.id(), now);
    }
}
