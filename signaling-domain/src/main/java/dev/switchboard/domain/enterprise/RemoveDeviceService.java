package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driving.RemoveDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import java.time.InstantSource;

/**
 * Removes a device for its owner or an admin. A revoked device may be removed too: registering its id again
 * starts a new, pending device that needs review again.
 */
final class RemoveDeviceService implements RemoveDevice {
    private final DeviceStore devices;
    private final DeviceLookup lookup;
    private final DeviceRules rules;
    private final InstantSource clock;

    RemoveDeviceService(DeviceStore devices, DeviceLookup lookup, DeviceRules rules, InstantSource clock) {
        this.devices = devices;
        this.lookup = lookup;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void remove(Actor actor, DeviceId deviceId) {
        for (int attempt = 0; attempt < DeviceLookup.ATTEMPTS; attempt++) {
            Device current = lookup.current(deviceId, clock.instant());
            rules.requireOwnerOrAdmin(actor, current);
            if (devices.delete(deviceId, current.version())) {
                return;
            }
        }
        throw DeviceErrors.contended(deviceId);
    }
}
