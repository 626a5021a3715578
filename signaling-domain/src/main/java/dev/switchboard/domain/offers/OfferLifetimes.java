package dev.switchboard.domain.offers;

import dev.switchboard.domain.SignalingPolicy;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Offer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long offers live: a requested TTL clamped to the policy's bounds (its default when none is asked
 * for), and how long an answered offer is kept so that late ICE candidates still flow.
 */
record OfferLifetimes(Duration minTtl, Duration defaultTtl, Duration maxTtl, Duration answeredRetention) {

    static OfferLifetimes of(SignalingPolicy policy) {
        return new OfferLifetimes(policy.minOfferTtl(), policy.defaultOfferTtl(), policy.maxOfferTtl(),
                policy.answeredOfferRetention());
    }

    /** When an offer published at {@code publishedAt} expires, given the TTL its publisher asked for. */
    Instant expiryOf(Instant publishedAt, Optional<Duration> requestedTtl) {
        return MillisecondClock.ceilToMillis(publishedAt.plus(ttlFor(requestedTtl)));
    }

    /** Until when {@code offer}, answered at {@code answeredAt}, is kept: never shorter than its own TTL. */
    Instant retentionOf(Offer offer, Instant answeredAt) {
        Instant retained = MillisecondClock.ceilToMillis(answeredAt.plus(answeredRetention));
        return retained.isAfter(offer.expiresAt()) ? retained : offer.expiresAt();
    }

    Duration ttlFor(Optional<Duration> requestedTtl) {
        if (requestedTtl.isEmpty()) {
            return defaultTtl;
        }
        Duration requested = requestedTtl.get();
        if (requested.isNegative() || requested.isZero()) {
            throw SignalingException.invalid("ttl", "must be positive");
        }
        if (requested.compareTo(minTtl) < 0) {
            return minTtl;
        }
        return requested.compareTo(maxTtl) > 0 ? maxTtl : requested;
    }
}
