package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A device an identity registered (Enterprise): its public key (opaque bytes such as an Ed25519 or ML-KEM
 * key), an optional onion endpoint, and the admins' verdict. {@code version} starts at 1 and grows with each
 * change, so stores can refuse a write based on a stale read.
 */
public final class Device {
    private final DeviceId id;
    private final String ownerKeyId;
    private final String displayName;
    private final byte[] publicKey;
    private final Optional<OnionEndpoint> onion;
    private final DeviceStatus status;
    private final Optional<String> revocationReason;
    private final Optional<String> reviewedBy;
    private final Instant registeredAt;
    private final Instant updatedAt;
    private final Instant expiresAt;
    private final long version;

    public Device(DeviceId id, String ownerKeyId, String displayName, byte[] publicKey, Optional<OnionEndpoint> onion,
            DeviceStatus status, Optional<String> revocationReason, Optional<String> reviewedBy,
            Instant registeredAt, Instant updatedAt, Instant expiresAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.ownerKeyId = Objects.requireNonNull(ownerKeyId, "ownerKeyId");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
        this.onion = Objects.requireNonNull(onion, "onion");
        this.status = Objects.requireNonNull(status, "status");
        this.revocationReason = Objects.requireNonNull(revocationReason, "revocationReason");
        this.reviewedBy = Objects.requireNonNull(reviewedBy, "reviewedBy");
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        this.version = version;
    }

    public DeviceId id() {
        return id;
    }

    public String ownerKeyId() {
        return ownerKeyId;
    }

    public String displayName() {
        return displayName;
    }

    /** A copy of the public key bytes. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public Optional<OnionEndpoint> onion() {
        return onion;
    }

    public DeviceStatus status() {
        return status;
    }

    public Optional<String> revocationReason() {
        return revocationReason;
    }

    /** The admin who last approved or revoked it. */
    public Optional<String> reviewedBy() {
        return reviewedBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public long version() {
        return version;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** A copy with the given changes and the next version. */
    public Device changed(String displayName, byte[] publicKey, Optional<OnionEndpoint> onion, DeviceStatus status,
            Optional<String> revocationReason, Optional<String> reviewedBy, Instant updatedAt, Instant expiresAt) {
        return new Device(id, ownerKeyId, displayName, publicKey, onion, status, revocationReason, reviewedBy,
                registeredAt, updatedAt, expiresAt, version + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Device that && id.equals(that.id) && ownerKeyId.equals(that.ownerKeyId)
                && displayName.equals(that.displayName) && Arrays.equals(publicKey, that.publicKey)
                && onion.equals(that.onion) && status == that.status
                && revocationReason.equals(that.revocationReason) && reviewedBy.equals(that.reviewedBy)
                && registeredAt.equals(that.registeredAt) && updatedAt.equals(that.updatedAt)
                && expiresAt.equals(that.expiresAt) && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ownerKeyId, version);
    }

    @Override
    public String toString() {
        return "Device[" + id + ", owner=" + ownerKeyId + ", " + status + ", v" + version + ", key="
                + Base64.getEncoder().encodeToString(publicKey).substring(0, Math.min(12, publicKey.length)) + "…]";
    }
}
