package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The body of {@code POST /v1/offers}; {@code tags} and {@code ttlSeconds} are optional. */
record PublishOffersJson(String service, List<String> tags, List<SdpJson> offers, Long ttlSeconds) {

    PublishOffers.Request toRequest() {
        Optional<Duration> ttl = Optional.ofNullable(ttlSeconds).map(seconds -> {
            if (seconds < 1) {
                throw SignalingException.invalid("ttlSeconds", "must be a positive number of seconds");
            }
            return Duration.ofSeconds(seconds);
        });
        List<Sdp> sdps = Required.list(offers, "offers").stream().map(offer -> new Sdp(offer.sdp())).toList();
        return new PublishOffers.Request(
                new ServiceName(service), tags == null ? Tags.none() : new Tags(tags), sdps, ttl);
    }
}
