package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import java.time.Instant;

/** Finds a registered device; one whose registration expired is gone, even before the sweep deletes it. */
final class DeviceLookup {
    /** Compare-and-set retries before giving up on a device that keeps changing underneath. */
    static final int ATTEMPTS = 8;

    private final DeviceStore devices;

    DeviceLookup(DeviceStore devices) {
        this.devices = devices;
    }

    Device current(DeviceId id, Instant now) {
        return devices.find(id).filter(device -> !device.isExpiredAt(now))
                .orElseThrow(() -> DeviceErrors.notFound(id));
    }
}
