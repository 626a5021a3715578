package dev.switchboard.ports.driving;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Publishes one or more offers under a service, all or none, owned by the caller. */
public interface PublishOffers {

    List<Offer> publish(Identity caller, Request request);

    /**
     * @param ttl how long the offers should live; clamped to the server's bounds, its default when empty
     */
    record Request(ServiceName service, Tags tags, List<Sdp> offers, Optional<Duration> ttl)
            implements BatchOperation {
        public Request {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(tags, "tags");
            Objects.requireNonNull(ttl, "ttl");
            offers = List.copyOf(offers);
            if (offers.isEmpty()) {
                throw SignalingException.invalid("offers", "must contain at least one offer");
            }
        }

        @Override
        public int work() {
            return offers.size();
        }
    }
}
