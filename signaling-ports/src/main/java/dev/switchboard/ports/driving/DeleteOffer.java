package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.OfferId;
import java.util.Objects;

/** Deletes an offer the caller owns, with its answer and candidates. */
public interface DeleteOffer {

    void delete(Identity caller, Request request);

    record Request(OfferId offerId) implements BatchOperation {
        public Request {
            Objects.requireNonNull(offerId, "offerId");
        }

        @Override
        public int work() {
            return 1;
        }
    }
}
