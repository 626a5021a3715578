package dev.switchboard.domain.audit;

import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.RemoveDevice;
import dev.switchboard.ports.driving.ReviewDevice;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import java.util.Map;
import java.util.Optional;

/**
 * Audits the device registry: {@code device.registered}, {@code device.updated}, {@code device.removed},
 * {@code device.approved} and {@code device.revoked} (with the revocation reason, which is not secret).
 * Never the public key or the onion address.
 */
public final class AuditedDevices {

    private AuditedDevices() {}

    public static RegisterDevice registerDevice(RegisterDevice inner, AuditTrail trail) {
        return (caller, request) -> {
            Device device = inner.register(caller, request);
            record(trail, AuditEventType.DEVICE_REGISTERED, caller.keyId(), device);
            return device;
        };
    }

    public static UpdateDevice updateDevice(UpdateDevice inner, AuditTrail trail) {
        return (actor, deviceId, changes) -> {
            Device device = inner.update(actor, deviceId, changes);
            record(trail, AuditEventType.DEVICE_UPDATED, actor.auditName(), device);
            return device;
        };
    }

    public static RemoveDevice removeDevice(RemoveDevice inner, AuditTrail trail) {
        return (actor, deviceId) -> {
            inner.remove(actor, deviceId);
            trail.record(AuditEventType.DEVICE_REMOVED, actor.auditName(), Optional.of(deviceId.value()),
                    Optional.empty(), Map.of());
        };
    }

    public static ReviewDevice reviewDevice(ReviewDevice inner, AuditTrail trail) {
        return new ReviewDevice() {
            @Override
            public Device approve(Actor.Admin admin, DeviceId deviceId) {
                Device device = inner.approve(admin, deviceId);
                record(trail, AuditEventType.DEVICE_APPROVED, admin.auditName(), device);
                return device;
            }

            @Override
            public Device revoke(Actor.Admin admin, DeviceId deviceId, String reason) {
                Device device = inner.revoke(admin, deviceId, reason);
                trail.record(AuditEventType.DEVICE_REVOKED, admin.auditName(), Optional.of(deviceId.value()),
                        Optional.empty(), Map.of("owner", device.ownerKeyId(),
                                "reason", device.revocationReason().orElse(reason)));
                return device;
            }
        };
    }

    private static void record(AuditTrail trail, AuditEventType type, String actor, Device device) {
        trail.record(type, actor, Optional.of(device.id().value()), Optional.empty(),
                Map.of("owner", device.ownerKeyId(), "status", device.status().wireName()));
    }
}
