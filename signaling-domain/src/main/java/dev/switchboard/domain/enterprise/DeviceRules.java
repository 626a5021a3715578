package dev.switchboard.domain.enterprise;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The registry's input rules (names, keys, lifetimes, reasons) and who may change a device. */
final class DeviceRules {
    static final Duration MIN_TTL = Duration.ofMinutes(1);
    static final int MAX_REASON_LENGTH = 200;

    private final EnterprisePolicy policy;

    DeviceRules(EnterprisePolicy policy) {
        this.policy = policy;
    }

    /** The display name, stripped: 1 to the policy's maximum characters, no control characters. */
    String displayName(String name) {
        return plainText("displayName", name, policy.maxDisplayNameLength());
    }

    byte[] publicKey(byte[] key) {
        if (key.length < 1 || key.length > policy.maxPublicKeyBytes()) {
            throw SignalingException.invalid("publicKey", "must be 1 to " + policy.maxPublicKeyBytes() + " bytes");
        }
        return key;
    }

    /** A revocation reason, stripped: 1 to {@value #MAX_REASON_LENGTH} characters, no control characters. */
    String reason(String reason) {
        return plainText("reason", reason, MAX_REASON_LENGTH);
    }

    /** When a registration made or renewed at {@code now} expires: the TTL clamped to [1 minute, maximum]. */
    Instant expiryOf(Instant now, Optional<Duration> requestedTtl) {
        Duration ttl = requestedTtl.orElse(policy.defaultDeviceTtl());
        if (ttl.isNegative() || ttl.isZero()) {
            throw SignalingException.invalid("ttl", "must be positive");
        }
        if (ttl.compareTo(MIN_TTL) < 0) {
            ttl = MIN_TTL;
        } else if (ttl.compareTo(policy.maxDeviceTtl()) > 0) {
            ttl = policy.maxDeviceTtl();
        }
        return MillisecondClock.ceilToMillis(now.plus(ttl));
    }

    /** Refuses with {@code not_device_owner} unless {@code actor} is an admin or the device's owner. */
    void requireOwnerOrAdmin(Actor actor, Device device) {
        if (actor instanceof Actor.User user && !user.identity().keyId().equals(device.ownerKeyId())) {
            throw DeviceErrors.notOwner(device.id());
        }
    }

    private static String plainText(String field, String value, int maxLength) {
        String stripped = value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > maxLength) {
            throw SignalingException.invalid(field, "must be 1 to " + maxLength + " characters");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw SignalingException.invalid(field, "must not contain control characters");
        }
        return stripped;
    }
}
