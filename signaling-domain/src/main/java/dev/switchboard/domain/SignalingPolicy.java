package dev.switchboard.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tunable rules of the core. Every bound is checked here, and all violations are reported together.
 *
 * @param signatureWindow        how far {@code created} may lie from the server clock, either way
 * @param credentialLifetime     how long an issued HMAC credential is accepted (1 hour to 3650 days); a client
 *                               asks for a new one before then
 * @param minOfferTtl            shortest life an offer can be given
 * @param defaultOfferTtl        life of an offer published without a TTL
 * @param maxOfferTtl            longest life an offer can be given
 * @param answeredOfferRetention how long an answered offer keeps its answer and candidates, for late ICE
 * @param maxOffersPerPublish    offers one publish call may carry
 * @param maxCandidatesPerSide   candidates each side may add to one offer
 * @param maxPageSize            largest discovery page and event batch
 * @param maxBatchOperations     operations one batch may carry
 * @param maxBatchWork           offers plus candidates one batch may carry
 * @param masterKeys             keys that seal credential secrets
 */
public record SignalingPolicy(
        Duration signatureWindow,
        Duration credentialLifetime,
        Duration minOfferTtl,
        Duration defaultOfferTtl,
        Duration maxOfferTtl,
        Duration answeredOfferRetention,
        int maxOffersPerPublish,
        int maxCandidatesPerSide,
        int maxPageSize,
        int maxBatchOperations,
        int maxBatchWork,
        MasterKeyRing masterKeys) {

    public static final Duration MIN_CREDENTIAL_LIFETIME = Duration.ofHours(1);
    public static final Duration MAX_CREDENTIAL_LIFETIME = Duration.ofDays(3650);

    public SignalingPolicy {
        Objects.requireNonNull(masterKeys, "masterKeys");
        List<String> problems = new ArrayList<>();
        requirePositive(problems, "signatureWindow", signatureWindow);
        if (credentialLifetime == null || credentialLifetime.compareTo(MIN_CREDENTIAL_LIFETIME) < 0
                || credentialLifetime.compareTo(MAX_CREDENTIAL_LIFETIME) > 0) {
            problems.add("credentialLifetime must be from 1 hour to 3650 days, was " + credentialLifetime);
        }
        requirePositive(problems, "minOfferTtl", minOfferTtl);
        requirePositive(problems, "defaultOfferTtl", defaultOfferTtl);
        requirePositive(problems, "maxOfferTtl", maxOfferTtl);
        requirePositive(problems, "answeredOfferRetention", answeredOfferRetention);
        if (problems.isEmpty()
                && (defaultOfferTtl.compareTo(minOfferTtl) < 0 || defaultOfferTtl.compareTo(maxOfferTtl) > 0)) {
            problems.add("defaultOfferTtl must lie within [minOfferTtl, maxOfferTtl]");
        }
        requireRange(problems, "maxOffersPerPublish", maxOffersPerPublish, 1, 1000);
        requireRange(problems, "maxCandidatesPerSide", maxCandidatesPerSide, 1, 1000);
        requireRange(problems, "maxPageSize", maxPageSize, 1, 1000);
        requireRange(problems, "maxBatchOperations", maxBatchOperations, 1, 1000);
        requireRange(problems, "maxBatchWork", maxBatchWork, 1, 100_000);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid signaling policy: " + String.join("; ", problems));
        }
    }

    /** The documented defaults, with the given master keys. */
    public static SignalingPolicy defaults(MasterKeyRing masterKeys) {
        return new SignalingPolicy(
                Duration.ofSeconds(60),
                Duration.ofDays(30),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                Duration.ofMinutes(2),
                100,
                50,
                100,
                100,
                1000,
                masterKeys);
    }

    /** This policy with another credential lifetime, keeping everything else. */
    public SignalingPolicy withCredentialLifetime(Duration lifetime) {
        return new SignalingPolicy(signatureWindow, lifetime, minOfferTtl, defaultOfferTtl, maxOfferTtl,
                answeredOfferRetention, maxOffersPerPublish, maxCandidatesPerSide, maxPageSize, maxBatchOperations,
                maxBatchWork, masterKeys);
    }

    private static void requirePositive(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration");
        }
    }

    private static void requireRange(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
