package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driving.ReviewDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * An admin approves or revokes a device, as a compare-and-set on its version. Revoking is final: a revoked
 * device is never approved again, and revoking it again keeps the first reason. Approving an approved
 * device changes nothing.
 */
final class ReviewDeviceService implements ReviewDevice {
    private final DeviceStore devices;
    private final DeviceLookup lookup;
    private final DeviceRules rules;
    private final InstantSource clock;

    ReviewDeviceService(DeviceStore devices, DeviceLookup lookup, DeviceRules rules, InstantSource clock) {
        this.devices = devices;
        this.lookup = lookup;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Device approve(Actor.Admin admin, DeviceId deviceId) {
        for (int attempt = 0; attempt < DeviceLookup.ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Device current = lookup.current(deviceId, now);
            if (current.status() == DeviceStatus.REVOKED) {
                throw DeviceErrors.revoked(deviceId);
            }
            if (current.status() == DeviceStatus.APPROVED) {
                return current;
            }
            Device approved = reviewed(current, DeviceStatus.APPROVED, Optional.empty(), admin, now);
            if (devices.update(approved)) {
                return approved;
            }
        }
        throw DeviceErrors.contended(deviceId);
    }

    @Override
    public Device revoke(Actor.Admin admin, DeviceId deviceId, String reason) {
        String why = rules.reason(reason);
        for (int attempt = 0; attempt < DeviceLookup.ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Device current = lookup.current(deviceId, now);
            if (current.status() == DeviceStatus.REVOKED) {
                return current;
            }
            Device revoked = reviewed(current, DeviceStatus.REVOKED, Optional.of(why), admin, now);
            if (devices.update(revoked)) {
                return revoked;
            }
        }
        throw DeviceErrors.contended(deviceId);
    }

    private static Device reviewed(Device current, DeviceStatus status, Optional<String> reason, Actor.Admin admin,
            Instant now) {
        return current.changed(current.displayName(), current.publicKey(), current.onion(), status, reason,
                Optional.of(admin.auditName()), now, current.expiresAt());
    }
}
