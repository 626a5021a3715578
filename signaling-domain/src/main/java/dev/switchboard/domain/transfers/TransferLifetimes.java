package dev.switchboard.domain.transfers;

import dev.switchboard.domain.TransferPolicy;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.SignalingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long transfers live: a requested TTL clamped to the policy's bounds (its default when none is asked
 * for), and the hard limit that no activity pushes a transfer past.
 */
record TransferLifetimes(Duration minTtl, Duration defaultTtl, Duration maxTtl, Duration maxLifetime) {

    static TransferLifetimes of(TransferPolicy policy) {
        return new TransferLifetimes(policy.minTtl(), policy.defaultTtl(), policy.maxTtl(), policy.maxLifetime());
    }

    Instant expiryOf(Instant createdAt, Optional<Duration> requestedTtl) {
        return MillisecondClock.ceilToMillis(createdAt.plus(ttlFor(requestedTtl)));
    }

    Instant hardExpiryOf(Instant createdAt) {
        return MillisecondClock.ceilToMillis(createdAt.plus(maxLifetime));
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
