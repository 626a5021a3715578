package dev.switchboard.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tunable rules of the transfer relay. Every bound is checked here, and all violations are reported
 * together.
 *
 * @param maxChunkCount               the most chunks one transfer may have
 * @param maxChunkBytes               the largest chunk a transfer may declare (at most 16 MiB)
 * @param maxTransferBytes            the most bytes one transfer may declare
 * @param maxServerBytes              the most bytes all live transfers together may reserve; beyond it new
 *                                    transfers are refused with {@code storage_full}
 * @param minTtl                      shortest initial life of a transfer
 * @param defaultTtl                  initial life of a transfer created without a TTL
 * @param maxTtl                      longest initial life of a transfer
 * @param activityExtension           a claim, upload or acknowledgement keeps a transfer alive at least this long
 * @param maxLifetime                 no activity keeps a transfer past this age
 * @param retention                   how long an expired or complete transfer stays readable (its state) before it
 *                                    is forgotten
 * @param maxLiveTransfersPerIdentity live transfers one identity may have sent at once
 * @param maxLiveTransfersPerAddress  live transfers one client address may have sent at once
 * @param claimFailureBudget          failed claims one client address may make per window
 * @param claimFailureWindow          the window of the claim-failure budget
 * @param maxVerifierLength           the longest access verifier accepted, in characters
 * @param signingKey                  signs capability tokens and keys the hash of access verifiers
 */
public record TransferPolicy(
        int maxChunkCount,
        int maxChunkBytes,
        long maxTransferBytes,
        long maxServerBytes,
        Duration minTtl,
        Duration defaultTtl,
        Duration maxTtl,
        Duration activityExtension,
        Duration maxLifetime,
        Duration retention,
        int maxLiveTransfersPerIdentity,
        int maxLiveTransfersPerAddress,
        int claimFailureBudget,
        Duration claimFailureWindow,
        int maxVerifierLength,
        ServerSigningKey signingKey) {

    /** Chunks are held in memory while they pass through, so one must stay small. */
    public static final int CHUNK_BYTES_LIMIT = 16 * 1024 * 1024;

    public TransferPolicy {
        Objects.requireNonNull(signingKey, "signingKey");
        List<String> problems = new ArrayList<>();
        requireRange(problems, "maxChunkCount", maxChunkCount, 1, 1_000_000);
        requireRange(problems, "maxChunkBytes", maxChunkBytes, 1, CHUNK_BYTES_LIMIT);
        if (maxTransferBytes < 1) {
            problems.add("maxTransferBytes must be positive, was " + maxTransferBytes);
        }
        if (maxServerBytes < maxTransferBytes) {
            problems.add("maxServerBytes must be at least maxTransferBytes (" + maxTransferBytes + "), was "
                    + maxServerBytes);
        }
        boolean durationsPositive = true;
        for (var named : List.of(
                new Named("minTtl", minTtl), new Named("defaultTtl", defaultTtl), new Named("maxTtl", maxTtl),
                new Named("activityExtension", activityExtension), new Named("maxLifetime", maxLifetime),
                new Named("retention", retention), new Named("claimFailureWindow", claimFailureWindow))) {
            if (named.value() == null || named.value().isNegative() || named.value().isZero()) {
                problems.add(named.name() + " must be a positive duration");
                durationsPositive = false;
            }
        }
        if (durationsPositive) {
            if (defaultTtl.compareTo(minTtl) < 0 || defaultTtl.compareTo(maxTtl) > 0) {
                problems.add("defaultTtl must lie within [minTtl, maxTtl]");
            }
            if (maxLifetime.compareTo(maxTtl) < 0) {
                problems.add("maxLifetime must be at least maxTtl");
            }
            // Capability tokens carry expiries in whole seconds, and budget windows are counted in milliseconds.
            if (minTtl.compareTo(Duration.ofSeconds(1)) < 0) {
                problems.add("minTtl must be at least one second");
            }
            if (claimFailureWindow.compareTo(Duration.ofSeconds(1)) < 0) {
                problems.add("claimFailureWindow must be at least one second");
            }
        }
        requireRange(problems, "maxLiveTransfersPerIdentity", maxLiveTransfersPerIdentity, 1, 100_000);
        requireRange(problems, "maxLiveTransfersPerAddress", maxLiveTransfersPerAddress, 1, 100_000);
        requireRange(problems, "claimFailureBudget", claimFailureBudget, 1, 10_000);
        requireRange(problems, "maxVerifierLength", maxVerifierLength, 16, 4096);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid transfer policy: " + String.join("; ", problems));
        }
    }

    /** The documented defaults, with the given signing key. */
    public static TransferPolicy defaults(ServerSigningKey signingKey) {
        return new TransferPolicy(
                4096,
                1024 * 1024,
                1024L * 1024 * 1024,
                2L * 1024 * 1024 * 1024,
                Duration.ofMinutes(1),
                Duration.ofMinutes(15),
                Duration.ofHours(24),
                Duration.ofMinutes(15),
                Duration.ofHours(48),
                Duration.ofHours(1),
                8,
                16,
                10,
                Duration.ofMinutes(10),
                1024,
                signingKey);
    }

    private record Named(String name, Duration value) {}

    private static void requireRange(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
