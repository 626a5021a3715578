package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in discovery order, which is by creation time then id. Stable: deleting or answering
 * offers never shifts what comes after a cursor.
 */
public record OfferCursor(Instant createdAt, OfferId offerId) {
    /** Discovery order: oldest first, ties broken by id. */
    public static final Comparator<Offer> DISCOVERY_ORDER =
            Comparator.comparing(Offer::createdAt).thenComparing(o -> o.id().value());

    public OfferCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(offerId, "offerId");
    }

    public static OfferCursor after(Offer offer) {
        return new OfferCursor(offer.createdAt(), offer.id());
    }

    /** Whether {@code offer} comes strictly after this position. */
    public boolean precedes(Offer offer) {
        int byTime = offer.createdAt().compareTo(createdAt);
        return byTime > 0 || (byTime == 0 && offer.id().value().compareTo(offerId.value()) > 0);
    }
}
