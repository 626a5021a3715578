package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.UpdateOfferTags;

/** The owner's signed routes on one offer: replace its tags, delete it. */
final class ManageOfferEndpoints {
    private final UpdateOfferTags updateOfferTags;
    private final DeleteOffer deleteOffer;

    ManageOfferEndpoints(UpdateOfferTags updateOfferTags, DeleteOffer deleteOffer) {
        this.updateOfferTags = updateOfferTags;
        this.deleteOffer = deleteOffer;
    }

    /** {@code PUT /v1/offers/{offerId}/tags}: 200 with the updated offer. */
    Reply updateTags(Call call) {
        UpdateOfferTags.Request request = call.body(UpdateTagsJson.class).toRequest(call.offerId());
        return Reply.ok(OfferJson.from(updateOfferTags.update(call.caller(), request)));
    }

    /** {@code DELETE /v1/offers/{offerId}}: 204. */
    Reply delete(Call call) {
        deleteOffer.delete(call.caller(), new DeleteOffer.Request(call.offerId()));
        return new Reply.NoContent();
    }
}
