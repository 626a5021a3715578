package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferPage;
import dev.switchboard.ports.model.OfferQuery;
import java.util.Optional;

/** Finds available offers; needs no signature. Never returns expired or answered offers. */
public interface DiscoverOffers {

    /** One available matching offer chosen uniformly at random, if any. */
    Optional<Offer> pickRandom(OfferQuery query);

    /** Available matching offers after {@code after}, at most {@code limit} (1 to the server maximum). */
    OfferPage list(OfferQuery query, Optional<OfferCursor> after, int limit);

    /** How many available offers match. */
    long count(OfferQuery query);

    /** One offer by id, answered or not; fails with {@code offer_not_found} or {@code offer_expired}. */
    Offer get(OfferId id);
}
