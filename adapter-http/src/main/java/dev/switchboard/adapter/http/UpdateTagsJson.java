package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Tags;
import java.util.List;

/** The body of {@code PUT /v1/offers/{offerId}/tags}: the complete new set. */
record UpdateTagsJson(List<String> tags) {

    UpdateOfferTags.Request toRequest(OfferId offerId) {
        return new UpdateOfferTags.Request(offerId, new Tags(Required.field(tags, "tags")));
    }
}
