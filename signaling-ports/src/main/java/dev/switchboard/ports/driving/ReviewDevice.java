package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;

/** An admin's verdict on a device (Enterprise). Revoking is final: a revoked device is never approved again. */
public interface ReviewDevice {

    Device approve(Actor.Admin admin, DeviceId deviceId);

    /** @param reason a short, non-secret reason kept with the device and in the audit log */
    Device revoke(Actor.Admin admin, DeviceId deviceId, String reason);
}
