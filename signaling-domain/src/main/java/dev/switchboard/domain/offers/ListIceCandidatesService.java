package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.ListIceCandidates;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import java.time.InstantSource;
import java.util.List;

/** Lists the candidates the other side sent; a participant never reads its own back, a stranger nothing. */
final class ListIceCandidatesService implements ListIceCandidates {
    private final OfferStore offers;
    private final OfferLookup lookup;
    private final InstantSource clock;

    ListIceCandidatesService(OfferStore offers, OfferLookup lookup, InstantSource clock) {
        this.offers = offers;
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    public List<Candidate> list(Identity caller, OfferId offerId, long afterSequence) {
        InputBounds.sequenceCursor(afterSequence);
        Offer offer = lookup.unexpired(offerId, clock.instant());
        Role role = offer.roleOf(caller.keyId()).orElseThrow(() -> OfferErrors.notParticipant(offerId));
        return offers.candidates(offerId, role.opposite(), afterSequence);
    }
}
