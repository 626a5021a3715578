package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.DiscoverOffers;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.util.Optional;
import java.util.Set;

/** The unsigned discovery routes: list, random, count, and one offer by id. */
final class DiscoverOffersEndpoints {
    /** Query parameters every discovery route accepts; the list adds paging. */
    static final Set<String> FILTERS = Set.of("service", "tags", "exclude");
    static final Set<String> FILTERS_AND_PAGING = Set.of("service", "tags", "exclude", "limit", "cursor");
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final DiscoverOffers discoverOffers;

    DiscoverOffersEndpoints(DiscoverOffers discoverOffers) {
        this.discoverOffers = discoverOffers;
    }

    /** {@code GET /v1/offers}: one page in discovery order. */
    Reply list(Call call) {
        QueryParameters query = call.query();
        long limit = query.integer("limit", DEFAULT_PAGE_SIZE);
        if (limit < 1 || limit > Integer.MAX_VALUE) {
            throw SignalingException.invalid("limit", "must be a positive page size");
        }
        Optional<OfferCursor> after = query.text("cursor").map(DiscoveryCursor::decode);
        return Reply.ok(OfferPageJson.from(discoverOffers.list(filterOf(query), after, (int) limit)));
    }

    /** {@code GET /v1/offers/random}: {@code {"offer":Offer|null}}. */
    Reply random(Call call) {
        return Reply.ok(new RandomOffer(discoverOffers.pickRandom(filterOf(call.query())).map(OfferJson::from)
                .orElse(null)));
    }

    /** {@code GET /v1/offers/count}: {@code {"count":3}}. */
    Reply count(Call call) {
        return Reply.ok(new OfferCount(discoverOffers.count(filterOf(call.query()))));
    }

    /** {@code GET /v1/offers/{offerId}}: the public view, answered or not. */
    Reply get(Call call) {
        return Reply.ok(OfferJson.from(discoverOffers.get(call.offerId())));
    }

    private static OfferQuery filterOf(QueryParameters query) {
        Optional<String> exclude = query.text("exclude");
        if (exclude.filter(String::isBlank).isPresent()) {
            throw SignalingException.invalid("exclude", "must be a key id");
        }
        return new OfferQuery(query.text("service").map(ServiceName::new), new Tags(query.list("tags")), exclude);
    }

    /** The body of {@code GET /v1/offers/random}. */
    record RandomOffer(OfferJson offer) {}

    /** The body of {@code GET /v1/offers/count}. */
    record OfferCount(long count) {}
}
