package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Offer;
import java.time.Instant;
import java.util.List;

/** The public view of an offer: never its owner's key, never its answer's SDP. */
record OfferJson(
        String id, String service, List<String> tags, String sdp, Instant createdAt, Instant expiresAt,
        boolean answered) {

    static OfferJson from(Offer offer) {
        return new OfferJson(offer.id().value(), offer.service().value(), offer.tags().values(),
                offer.sdp().value(), offer.createdAt(), offer.expiresAt(), offer.isAnswered());
    }

    static List<OfferJson> fromAll(List<Offer> offers) {
        return offers.stream().map(OfferJson::from).toList();
    }
}
