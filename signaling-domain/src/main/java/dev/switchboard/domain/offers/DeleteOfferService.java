package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;

/** Deletes an offer for its owner, expired or not, so owners can clean up before the sweep does. */
final class DeleteOfferService implements DeleteOffer {
    private final OfferStore offers;
    private final OfferLookup lookup;

    DeleteOfferService(OfferStore offers, OfferLookup lookup) {
        this.offers = offers;
        this.lookup = lookup;
    }

    @Override
    public void delete(Identity caller, Request request) {
        Offer offer = lookup.existing(request.offerId());
        if (!offer.ownerKeyId().equals(caller.keyId())) {
            throw OfferErrors.notOwner(offer.id());
        }
        if (!offers.delete(offer.id())) {
            throw OfferErrors.notFound(offer.id());
        }
    }
}
