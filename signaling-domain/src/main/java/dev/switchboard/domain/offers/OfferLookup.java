package dev.switchboard.domain.offers;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import java.time.Instant;

/** Reads the offer a call is about, failing with the code that tells the caller why it cannot act on it. */
final class OfferLookup {
    private final OfferStore offers;

    OfferLookup(OfferStore offers) {
        this.offers = offers;
    }

    /** The offer, expired or not; {@code offer_not_found} once it is deleted or swept. */
    Offer existing(OfferId id) {
        return offers.find(id).orElseThrow(() -> OfferErrors.notFound(id));
    }

    /** The offer if it is still alive at {@code now}; {@code offer_not_found} or {@code offer_expired}. */
    Offer unexpired(OfferId id, Instant now) {
        Offer offer = existing(id);
        if (offer.isExpiredAt(now)) {
            throw OfferErrors.expired(id);
        }
        return offer;
    }

    /** Why the store found the offer gone although it was alive when read: it expired, or was deleted since. */
    SignalingException gone(OfferId id, Instant now) {
        return offers.find(id).filter(offer -> offer.isExpiredAt(now))
                .map(offer -> OfferErrors.expired(id))
                .orElseGet(() -> OfferErrors.notFound(id));
    }
}
