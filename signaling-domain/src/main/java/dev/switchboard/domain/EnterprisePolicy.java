package dev.switchboard.domain;

import dev.switchboard.ports.model.Edition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The edition a server runs, who its admins are, and the rules of the Enterprise device registry. Every bound
 * is checked here, and all violations are reported together.
 *
 * @param edition                 what the server offers; Enterprise-only use cases refuse on Consumer
 * @param adminTokenSha256        SHA-256 of the admin bearer token, when one is configured (the token itself is
 *                                never kept, so a heap dump does not reveal it)
 * @param adminKeyIds             Ed25519 key ids whose signed requests act as admin
 * @param maxDevicesPerIdentity   devices one identity may register
 * @param maxPublicKeyBytes       the largest device public key accepted
 * @param maxDisplayNameLength    the longest device display name, in characters
 * @param defaultDeviceTtl        life of a registration made without a TTL
 * @param maxDeviceTtl            longest life of a registration
 */
public record EnterprisePolicy(
        Edition edition,
        Optional<byte[]> adminTokenSha256,
        Set<String> adminKeyIds,
        int maxDevicesPerIdentity,
        int maxPublicKeyBytes,
        int maxDisplayNameLength,
        Duration defaultDeviceTtl,
        Duration maxDeviceTtl) {

    /** Admin tokens shorter than this are too easy to guess. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 32;

    public EnterprisePolicy {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(adminTokenSha256, "adminTokenSha256");
        adminTokenSha256 = adminTokenSha256.map(byte[]::clone);
        adminKeyIds = Set.copyOf(adminKeyIds);
        List<String> problems = new ArrayList<>();
        adminTokenSha256.filter(hash -> hash.length != 32)
                .ifPresent(hash -> problems.add("adminTokenSha256 must be 32 bytes"));
        requireRange(problems, "maxDevicesPerIdentity", maxDevicesPerIdentity, 1, 10_000);
        requireRange(problems, "maxPublicKeyBytes", maxPublicKeyBytes, 32, 65_536);
        requireRange(problems, "maxDisplayNameLength", maxDisplayNameLength, 1, 1_000);
        if (defaultDeviceTtl == null || defaultDeviceTtl.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add("defaultDeviceTtl must be at least one minute");
        }
        if (maxDeviceTtl == null || defaultDeviceTtl != null && maxDeviceTtl.compareTo(defaultDeviceTtl) < 0) {
            problems.add("maxDeviceTtl must be at least defaultDeviceTtl");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid enterprise policy: " + String.join("; ", problems));
        }
    }

    /** A Consumer server with no admin credential, and the documented device defaults. */
    public static EnterprisePolicy consumer() {
        return new EnterprisePolicy(Edition.CONSUMER, Optional.empty(), Set.of(), 32, 4096, 100,
                Duration.ofDays(90), Duration.ofDays(365));
    }

    /** The SHA-256 of an admin token, as {@link #adminTokenSha256} keeps it. */
    public static byte[] hashAdminToken(String token) {
        Objects.requireNonNull(token, "token");
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Whether any admin credential is configured. */
    public boolean adminEnabled() {
        return adminTokenSha256.isPresent() || !adminKeyIds.isEmpty();
    }

    /** This policy with another edition and admin credentials, keeping the device rules. */
    public EnterprisePolicy withEdition(Edition newEdition, Optional<byte[]> tokenSha256, Set<String> keyIds) {
        return new EnterprisePolicy(newEdition, tokenSha256, keyIds, maxDevicesPerIdentity, maxPublicKeyBytes,
                maxDisplayNameLength, defaultDeviceTtl, maxDeviceTtl);
    }

    @Override
    public String toString() {
        return "EnterprisePolicy[edition=" + edition + ", adminToken=" + (adminTokenSha256.isPresent() ? "set" : "none")
                + ", adminKeyIds=" + adminKeyIds + ", maxDevicesPerIdentity=" + maxDevicesPerIdentity
                + ", maxPublicKeyBytes=" + maxPublicKeyBytes + ", maxDisplayNameLength=" + maxDisplayNameLength
                + ", defaultDeviceTtl=" + defaultDeviceTtl + ", maxDeviceTtl=" + maxDeviceTtl + "]";
    }

    private static void requireRange(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
