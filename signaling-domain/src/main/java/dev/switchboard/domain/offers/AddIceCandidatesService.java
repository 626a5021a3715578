package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.OfferStore.CandidateAppend;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds candidates as the side the caller's identity plays on the offer, never a side it claims, and
 * wakes the other side if there is one yet.
 */
final class AddIceCandidatesService implements AddIceCandidates {
    private final OfferStore offers;
    private final OfferLookup lookup;
    private final EventPublisher events;
    private final InstantSource clock;
    private final int maxCandidatesPerSide;

    AddIceCandidatesService(
            OfferStore offers, OfferLookup lookup, EventPublisher events, InstantSource clock,
            int maxCandidatesPerSide) {
        this.offers = offers;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
        this.maxCandidatesPerSide = maxCandidatesPerSide;
    }

    @Override
    public List<Candidate> add(Identity caller, Request request) {
        Instant now = clock.instant();
        OfferId id = request.offerId();
        Offer offer = lookup.unexpired(id, now);
        Role role = offer.roleOf(caller.keyId()).orElseThrow(() -> OfferErrors.notParticipant(id));
        CandidateAppend append = offers.appendCandidates(id, role, request.candidates(), now, maxCandidatesPerSide);
        if (append instanceof CandidateAppend.Appended appended) {
            otherSide(offer, role).ifPresent(keyId -> events.publish(Set.of(keyId)));
            return appended.candidates();
        }
        if (append instanceof CandidateAppend.LimitReached) {
            throw OfferErrors.candidateLimitReached(id, maxCandidatesPerSide);
        }
        throw lookup.gone(id, now);
    }

    /**
     * Who plays the opposite role. An answer may have won since the offer was read; reading again then
     * means a waiting answerer is woken rather than left to its timeout.
     */
    private Optional<String> otherSide(Offer offer, Role role) {
        return offer.keyIdOf(role.opposite())
                .or(() -> offers.find(offer.id()).flatMap(latest -> latest.keyIdOf(role.opposite())));
    }
}
