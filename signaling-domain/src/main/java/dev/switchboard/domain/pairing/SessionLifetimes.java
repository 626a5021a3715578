package dev.switchboard.domain.pairing;

import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.SignalingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long sessions live: the requested TTL clamped to the policy's bounds (its default when none is
 * asked for), the hard limit no activity can pass, and how long a closed session stays readable.
 */
record SessionLifetimes(
        Duration minTtl, Duration defaultTtl, Duration maxTtl, Duration maxLifetime, Duration closedRetention) {

    static SessionLifetimes of(PairingPolicy policy) {
        return new SessionLifetimes(policy.minSessionTtl(), policy.defaultSessionTtl(), policy.maxSessionTtl(),
                policy.maxSessionLifetime(), policy.closedSessionRetention());
    }

    /** When a session opened at {@code createdAt} expires unless activity extends it. */
    Instant expiryOf(Instant createdAt, Optional<Duration> requestedTtl) {
        return MillisecondClock.ceilToMillis(createdAt.plus(ttlFor(requestedTtl)));
    }

    /** The instant past which no activity keeps a session opened at {@code createdAt} alive. */
    Instant hardExpiryOf(Instant createdAt) {
        return MillisecondClock.ceilToMillis(createdAt.plus(maxLifetime));
    }

    /** Until when a session closed at {@code closedAt} stays readable. */
    Instant retentionAfterClose(Instant closedAt) {
        return MillisecondClock.ceilToMillis(closedAt.plus(closedRetention));
    }

    private Duration ttlFor(Optional<Duration> requestedTtl) {
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
