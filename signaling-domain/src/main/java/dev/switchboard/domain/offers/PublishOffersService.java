package dev.switchboard.domain.offers;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** Publishes a caller's offers with fresh ids and one clamped expiry, all or none. */
final class PublishOffersService implements PublishOffers {
    private final OfferStore offers;
    private final InstantSource clock;
    private final OfferIds ids;
    private final OfferLifetimes lifetimes;
    private final int maxOffersPerPublish;

    PublishOffersService(
            OfferStore offers, InstantSource clock, OfferIds ids, OfferLifetimes lifetimes, int maxOffersPerPublish) {
        this.offers = offers;
        this.clock = clock;
        this.ids = ids;
        this.lifetimes = lifetimes;
        this.maxOffersPerPublish = maxOffersPerPublish;
    }

    @Override
    public List<Offer> publish(Identity caller, Request request) {
        if (request.offers().size() > maxOffersPerPublish) {
            throw SignalingException.invalid("offers", "at most " + maxOffersPerPublish + " offers per publish");
        }
        Instant now = clock.instant();
        Instant expiresAt = lifetimes.expiryOf(now, request.ttl());
        List<Offer> published = request.offers().stream()
                .map(sdp -> new Offer(ids.next(), caller.keyId(), request.service(), request.tags(), sdp,
                        now, expiresAt, Optional.empty()))
                .toList();
        offers.saveAll(published);
        return published;
    }
}
