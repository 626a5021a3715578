package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.DeviceId;

/** Removes a device from the registry (Enterprise), by its owner or an admin. */
public interface RemoveDevice {
    void remove(Actor actor, DeviceId deviceId);
}
