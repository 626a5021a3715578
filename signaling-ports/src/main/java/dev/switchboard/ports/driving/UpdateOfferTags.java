package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Tags;
import java.util.Objects;

/** Replaces the tags of an offer the caller owns. */
public interface UpdateOfferTags {

    Offer update(Identity caller, Request request);

    record Request(OfferId offerId, Tags tags) implements BatchOperation {
        public Request {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(tags, "tags");
        }

        @Override
        public int work() {
            return 1;
        }
    }
}
