package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;

/**
 * Changes a device for its owner or an admin, as a compare-and-set on its version, read again and retried
 * when another change won the race. A different public key sends it back to {@code pending}: the admins
 * approved the old key, not this one.
 */
final class UpdateDeviceService implements UpdateDevice {
    private final DeviceStore devices;
    private final DeviceLookup lookup;
    private final DeviceRules rules;
    private final InstantSource clock;

    UpdateDeviceService(DeviceStore devices, DeviceLookup lookup, DeviceRules rules, InstantSource clock) {
        this.devices = devices;
        this.lookup = lookup;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Device update(Actor actor, DeviceId deviceId, Changes changes) {
        var name = changes.displayName().map(rules::displayName);
        var key = changes.publicKey().map(rules::publicKey);
        for (int attempt = 0; attempt < DeviceLookup.ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Device current = lookup.current(deviceId, now);
            rules.requireOwnerOrAdmin(actor, current);
            if (current.status() == DeviceStatus.REVOKED) {
                throw DeviceErrors.revoked(deviceId);
            }
            boolean rekeyed = key.filter(k -> !Arrays.equals(k, current.publicKey())).isPresent();
            Device changed = current.changed(
                    name.orElse(current.displayName()),
                    key.orElse(current.publicKey()),
                    changes.onion().orElse(current.onion()),
                    rekeyed ? DeviceStatus.PENDING : current.status(),
                    current.revocationReason(),
                    current.reviewedBy(),
                    now,
                    changes.ttl().isPresent() ? rules.expiryOf(now, changes.ttl()) : current.expiresAt());
            if (devices.update(changed)) {
                return changed;
            }
        }
        throw DeviceErrors.contended(deviceId);
    }
}
