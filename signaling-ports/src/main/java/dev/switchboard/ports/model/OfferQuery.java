package dev.switchboard.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What discovery looks for: optionally one service, offers carrying all of {@code requiredTags},
 * optionally leaving out the offers of one owner (the caller's own).
 */
public record OfferQuery(Optional<ServiceName> service, Tags requiredTags, Optional<String> excludedOwnerKeyId) {
    public OfferQuery {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(requiredTags, "requiredTags");
        Objects.requireNonNull(excludedOwnerKeyId, "excludedOwnerKeyId");
    }

    public static OfferQuery everything() {
        return new OfferQuery(Optional.empty(), Tags.none(), Optional.empty());
    }

    /** Whether {@code offer} matches, leaving availability aside. */
    public boolean matches(Offer offer) {
        return service.map(s -> s.equals(offer.service())).orElse(true)
                && offer.tags().containsAll(requiredTags)
                && excludedOwnerKeyId.map(k -> !k.equals(offer.ownerKeyId())).orElse(true);
    }
}
