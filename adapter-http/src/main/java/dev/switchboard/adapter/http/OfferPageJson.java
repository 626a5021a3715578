package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.OfferPage;
import java.util.List;

/** A page of discovered offers; {@code nextCursor} is null on the last page. */
record OfferPageJson(List<OfferJson> offers, String nextCursor) {

    static OfferPageJson from(OfferPage page) {
        return new OfferPageJson(OfferJson.fromAll(page.offers()),
                page.next().map(DiscoveryCursor::encode).orElse(null));
    }
}
