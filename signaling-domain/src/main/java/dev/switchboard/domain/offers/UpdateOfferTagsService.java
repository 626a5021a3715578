package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import java.time.InstantSource;

/** Replaces the tags of a live offer for its owner. */
final class UpdateOfferTagsService implements UpdateOfferTags {
    private final OfferStore offers;
    private final OfferLookup lookup;
    private final InstantSource clock;

    UpdateOfferTagsService(OfferStore offers, OfferLookup lookup, InstantSource clock) {
        this.offers = offers;
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    public Offer update(Identity caller, Request request) {
        Offer offer = lookup.unexpired(request.offerId(), clock.instant());
        if (!offer.ownerKeyId().equals(caller.keyId())) {
            throw OfferErrors.notOwner(offer.id());
        }
        return offers.replaceTags(offer.id(), request.tags()).orElseThrow(() -> OfferErrors.notFound(offer.id()));
    }
}
