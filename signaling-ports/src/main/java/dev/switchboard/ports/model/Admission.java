package dev.switchboard.ports.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate limiter's decision with what the IETF {@code RateLimit-Policy} / {@code RateLimit} headers and
 * {@code Retry-After} tell a client.
 *
 * @param policy     the policy's name, e.g. {@code api-call-address}
 * @param quota      requests the policy allows per window (the bucket's size)
 * @param window     the window in which a full quota is regained
 * @param remaining  requests left right now
 * @param reset      until the bucket is full again
 * @param retryAfter when refused: until one request would be allowed
 * @param degraded   the limiter's store failed and the request was let through (the limiter fails open)
 */
public record Admission(boolean allowed, String policy, int quota, Duration window, int remaining, Duration reset,
        Optional<Duration> retryAfter, boolean degraded) {
    public Admission {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
