package dev.switchboard.ports.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of discovered offers and, when there may be more, the cursor to continue from. */
public record OfferPage(List<Offer> offers, Optional<OfferCursor> next) {
    public OfferPage {
        offers = List.copyOf(offers);
        Objects.requireNonNull(next, "next");
    }
}
