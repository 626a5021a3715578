package dev.switchboard.domain;

import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate-limit budgets, each a token bucket of {@code quota} requests regained evenly over {@code window}
 * (so a full bucket allows a burst of {@code quota}); an empty budget means no limit. Every bound is checked
 * here, and all violations are reported together.
 *
 * @param apiCallsPerAddress          any API call, per client address
 * @param apiCallsPerIdentity         any signed API call, per identity
 * @param credentialsPerAddress       credential issuance, per client address
 * @param socketConnectsPerAddress    WebSocket connection attempts, per client address
 * @param socketMessagesPerIdentity   frames sent over WebSockets, per identity (across all its sockets)
 */
public record RateLimitPolicy(
        Optional<Budget> apiCallsPerAddress,
        Optional<Budget> apiCallsPerIdentity,
        Optional<Budget> credentialsPerAddress,
        Optional<Budget> socketConnectsPerAddress,
        Optional<Budget> socketMessagesPerIdentity) {

    public RateLimitPolicy {
        Objects.requireNonNull(apiCallsPerAddress, "apiCallsPerAddress");
        Objects.requireNonNull(apiCallsPerIdentity, "apiCallsPerIdentity");
        Objects.requireNonNull(credentialsPerAddress, "credentialsPerAddress");
        Objects.requireNonNull(socketConnectsPerAddress, "socketConnectsPerAddress");
        Objects.requireNonNull(socketMessagesPerIdentity, "socketMessagesPerIdentity");
    }

    /** The documented defaults. */
    public static RateLimitPolicy defaults() {
        return new RateLimitPolicy(
                Optional.of(new Budget(1200, Duration.ofMinutes(1))),
                Optional.of(new Budget(600, Duration.ofMinutes(1))),
                Optional.of(new Budget(10, Duration.ofHours(1))),
                Optional.of(new Budget(60, Duration.ofMinutes(1))),
                Optional.of(new Budget(1200, Duration.ofMinutes(1))));
    }

    /** No limits at all: for embedding and benchmarks. */
    public static RateLimitPolicy unlimited() {
        return new RateLimitPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The budget of {@code action} for subjects of {@code kind}, if it is limited. */
    public Optional<Budget> budgetFor(LimitedAction action, LimitSubject.Kind kind) {
        return switch (action) {
            case API_CALL -> kind == LimitSubject.Kind.ADDRESS ? apiCallsPerAddress : apiCallsPerIdentity;
            case CREDENTIAL_ISSUANCE -> kind == LimitSubject.Kind.ADDRESS ? credentialsPerAddress : Optional.empty();
            case WEBSOCKET_CONNECT -> kind == LimitSubject.Kind.ADDRESS ? socketConnectsPerAddress : Optional.empty();
            case WEBSOCKET_MESSAGE -> kind == LimitSubject.Kind.IDENTITY ? socketMessagesPerIdentity : Optional.empty();
        };
    }

    /** The policy's name in headers and metrics, e.g. {@code api-call-address}. */
    public static String policyName(LimitedAction action, LimitSubject.Kind kind) {
        return action.wireName() + "-" + kind.wireName();
    }

    /**
     * {@code quota} requests per {@code window}: a token bucket of {@code quota} tokens regaining one every
     * {@code window / quota}.
     */
    public record Budget(int quota, Duration window) {
        public Budget {
            List<String> problems = new ArrayList<>();
            if (quota < 1 || quota > 1_000_000) {
                problems.add("quota must be between 1 and 1000000, was " + quota);
            }
            if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
                problems.add("window must be from 1 second to 1 day, was " + window);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid rate-limit budget: " + String.join("; ", problems));
            }
        }

        /** How often one token comes back. */
        public Duration interval() {
            return window.dividedBy(quota);
        }
    }
}
