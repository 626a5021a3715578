package dev.switchboard.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tunable rules of pairing sessions. Every bound is checked here, and all violations are reported
 * together.
 *
 * @param defaultCapacity            members of a session opened without a capacity (host included)
 * @param maxCapacity                the largest capacity a session may ask for
 * @param minSessionTtl              shortest initial life of a session
 * @param defaultSessionTtl          initial life of a session opened without a TTL
 * @param maxSessionTtl              longest initial life of a session
 * @param activityExtension          activity keeps a session alive at least this long from now
 * @param maxSessionLifetime         no activity keeps a session past this age
 * @param presenceTimeout            a member not seen for this long is removed with {@code peer-left}
 * @param closedSessionRetention     how long a closed session stays readable for its members
 * @param maxQueuedPerRecipient      unacknowledged messages one mailbox may hold before sends are refused
 * @param maxOpenSessionsPerIdentity open sessions one identity may host at once
 * @param joinFailureBudget          failed joins one client address may make per window
 * @param joinFailureWindow          the window of the join-failure budget
 * @param ticketTtl                  life of a WebSocket connection ticket
 * @param signingKey                 signs invite tokens and connection tickets
 */
public record PairingPolicy(
        int defaultCapacity,
        int maxCapacity,
        Duration minSessionTtl,
        Duration defaultSessionTtl,
        Duration maxSessionTtl,
        Duration activityExtension,
        Duration maxSessionLifetime,
        Duration presenceTimeout,
        Duration closedSessionRetention,
        int maxQueuedPerRecipient,
        int maxOpenSessionsPerIdentity,
        int joinFailureBudget,
        Duration joinFailureWindow,
        Duration ticketTtl,
        ServerSigningKey signingKey) {

    public PairingPolicy {
        Objects.requireNonNull(signingKey, "signingKey");
        List<String> problems = new ArrayList<>();
        requireRange(problems, "maxCapacity", maxCapacity, 2, 64);
        requireRange(problems, "defaultCapacity", defaultCapacity, 2, Math.max(2, maxCapacity));
        boolean durationsPositive = true;
        for (var named : List.of(
                new Named("minSessionTtl", minSessionTtl), new Named("defaultSessionTtl", defaultSessionTtl),
                new Named("maxSessionTtl", maxSessionTtl), new Named("activityExtension", activityExtension),
                new Named("maxSessionLifetime", maxSessionLifetime), new Named("presenceTimeout", presenceTimeout),
                new Named("closedSessionRetention", closedSessionRetention),
                new Named("joinFailureWindow", joinFailureWindow), new Named("ticketTtl", ticketTtl))) {
            if (named.value() == null || named.value().isNegative() || named.value().isZero()) {
                problems.add(named.name() + " must be a positive duration");
                durationsPositive = false;
            }
        }
        if (durationsPositive) {
            if (defaultSessionTtl.compareTo(minSessionTtl) < 0 || defaultSessionTtl.compareTo(maxSessionTtl) > 0) {
                problems.add("defaultSessionTtl must lie within [minSessionTtl, maxSessionTtl]");
            }
            if (maxSessionLifetime.compareTo(maxSessionTtl) < 0) {
                problems.add("maxSessionLifetime must be at least maxSessionTtl");
            }
            // Tokens carry expiries in whole seconds, and budget windows are counted in milliseconds.
            if (ticketTtl.compareTo(Duration.ofSeconds(1)) < 0) {
                problems.add("ticketTtl must be at least one second");
            }
            if (joinFailureWindow.compareTo(Duration.ofSeconds(1)) < 0) {
                problems.add("joinFailureWindow must be at least one second");
            }
        }
        requireRange(problems, "maxQueuedPerRecipient", maxQueuedPerRecipient, 1, 100_000);
        requireRange(problems, "maxOpenSessionsPerIdentity", maxOpenSessionsPerIdentity, 1, 10_000);
        requireRange(problems, "joinFailureBudget", joinFailureBudget, 1, 10_000);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid pairing policy: " + String.join("; ", problems));
        }
    }

    /** The documented defaults, with the given signing key. */
    public static PairingPolicy defaults(ServerSigningKey signingKey) {
        return new PairingPolicy(
                2,
                16,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofHours(12),
                Duration.ofSeconds(45),
                Duration.ofMinutes(1),
                256,
                16,
                10,
                Duration.ofMinutes(10),
                Duration.ofSeconds(30),
                signingKey);
    }

    private record Named(String name, Duration value) {}

    private static void requireRange(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
