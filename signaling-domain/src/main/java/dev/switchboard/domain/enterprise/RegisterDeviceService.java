package dev.switchboard.domain.enterprise;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.model.Identity;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Registers a device of the caller, pending review. The per-identity limit is checked before the insert,
 * so two concurrent registrations may pass it by one; the store decides who gets a contested id.
 */
final class RegisterDeviceService implements RegisterDevice {
    private final DeviceStore devices;
    private final DeviceRules rules;
    private final InstantSource clock;
    private final EnterprisePolicy policy;

    RegisterDeviceService(DeviceStore devices, DeviceRules rules, InstantSource clock, EnterprisePolicy policy) {
        this.devices = devices;
        this.rules = rules;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public Device register(Identity caller, Request request) {
        String name = rules.displayName(request.displayName());
        byte[] key = rules.publicKey(request.publicKey());
        Instant now = clock.instant();
        Instant expiresAt = rules.expiryOf(now, request.ttl());
        if (devices.countByOwner(caller.keyId(), now) >= policy.maxDevicesPerIdentity()) {
            throw DeviceErrors.tooManyDevices(policy.maxDevicesPerIdentity());
        }
        Device device = new Device(request.deviceId(), caller.keyId(), name, key, request.onion(),
                DeviceStatus.PENDING, Optional.empty(), Optional.empty(), now, now, expiresAt, 1);
        if (!devices.insert(device, now)) {
            throw DeviceErrors.idTaken(request.deviceId());
        }
        return device;
    }
}
