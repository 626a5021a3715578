package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.DiscoverOffers;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferPage;
import dev.switchboard.ports.model.OfferQuery;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** Finds available offers: at random, page by page, by count, or one by id. */
final class DiscoverOffersService implements DiscoverOffers {
    /** Draws before giving up on uniformity: each miss means an offer was taken between count and read. */
    private static final int RANDOM_DRAWS = 3;

    private final OfferStore offers;
    private final OfferLookup lookup;
    private final InstantSource clock;
    private final Entropy entropy;
    private final int maxPageSize;

    DiscoverOffersService(
            OfferStore offers, OfferLookup lookup, InstantSource clock, Entropy entropy, int maxPageSize) {
        this.offers = offers;
        this.lookup = lookup;
        this.clock = clock;
        this.entropy = entropy;
        this.maxPageSize = maxPageSize;
    }

    @Override
    public Optional<Offer> pickRandom(OfferQuery query) {
        Instant now = clock.instant();
        for (int draw = 0; draw < RANDOM_DRAWS; draw++) {
            long available = offers.countAvailable(query, now);
            if (available == 0) {
                return Optional.empty();
            }
            Optional<Offer> picked = offers.availableAt(query, now, entropy.nextLong(available));
            if (picked.isPresent()) {
                return picked;
            }
        }
        // The pool keeps shrinking under us; any available offer beats reporting none.
        return offers.listAvailable(query, now, Optional.empty(), 1).stream().findFirst();
    }

    @Override
    public OfferPage list(OfferQuery query, Optional<OfferCursor> after, int limit) {
        InputBounds.pageLimit(limit, maxPageSize);
        // One extra row tells whether another page follows, so a full last page offers no empty next one.
        List<Offer> found = offers.listAvailable(query, clock.instant(), after, limit + 1);
        if (found.size() <= limit) {
            return new OfferPage(found, Optional.empty());
        }
        List<Offer> page = found.subList(0, limit);
        return new OfferPage(page, Optional.of(OfferCursor.after(page.get(limit - 1))));
    }

    @Override
    public long count(OfferQuery query) {
        return offers.countAvailable(query, clock.instant());
    }

    @Override
    public Offer get(OfferId id) {
        return lookup.unexpired(id, clock.instant());
    }
}
