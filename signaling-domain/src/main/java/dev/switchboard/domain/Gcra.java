package dev.switchboard.domain;

import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.model.Admission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a GCRA bucket as the rate-limit headers tell it. The bucket is one instant, its theoretical arrival
 * time (TAT); with {@code interval = window / quota} and {@code burst = quota}, the bucket is full when the
 * TAT is not after now, and each token spent pushes the TAT one interval further.
 */
final class Gcra {

    private Gcra() {}

    /** The admission of the decision {@code bucket}, taken at {@code now} under {@code budget}. */
    static Admission admission(String policyName, RateLimitPolicy.Budget budget, RateLimitStore.Bucket bucket,
            Instant now) {
        Duration interval = budget.interval();
        Duration capacity = interval.multipliedBy(budget.quota());
        Duration backlog = Duration.between(now, bucket.theoreticalArrival());
        int remaining = (int) Math.max(0, Math.min(budget.quota(), capacity.minus(backlog).dividedBy(interval)));
        Duration reset = backlog.isNegative() ? Duration.ZERO : backlog;
        Optional<Duration> retryAfter = bucket.allowed()
                ? Optional.empty()
                : Optional.of(wholeSecondsAtLeastOne(backlog.plus(interval).minus(capacity)));
        return new Admission(bucket.allowed(), policyName, budget.quota(), budget.window(), remaining, reset,
                retryAfter, false);
    }

    /** Rounded up, so a client that waits as told is admitted; never zero, so it does wait. */
    private static Duration wholeSecondsAtLeastOne(Duration duration) {
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
