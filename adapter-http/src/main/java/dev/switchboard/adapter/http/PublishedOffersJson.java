package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Offer;
import java.util.List;

/** The response of a publish: {@code {"offers":[Offer...]}}. */
record PublishedOffersJson(List<OfferJson> offers) {

    static PublishedOffersJson from(List<Offer> offers) {
        return new PublishedOffersJson(OfferJson.fromAll(offers));
    }
}
