package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.DeviceId;

/** The refusals of the device registry, each with its code and a message safe to show the caller. */
final class DeviceErrors {

    private DeviceErrors() {}

    static SignalingException notFound(DeviceId id) {
        return new SignalingException(ErrorCode.DEVICE_NOT_FOUND, "device " + id + " does not exist");
    }

    static SignalingException idTaken(DeviceId id) {
        return new SignalingException(ErrorCode.DEVICE_ID_TAKEN,
                "the device id " + id + " is already registered; choose another or update the device");
    }

    static SignalingException revoked(DeviceId id) {
        return new SignalingException(ErrorCode.DEVICE_REVOKED,
                "device " + id + " was revoked by an admin; it can be removed, not changed");
    }

    static SignalingException notOwner(DeviceId id) {
        return new SignalingException(ErrorCode.NOT_DEVICE_OWNER,
                "only the identity that registered device " + id + " or an admin may do this");
    }

    static SignalingException notOwnerOfListing() {
        return new SignalingException(ErrorCode.NOT_DEVICE_OWNER, "you may list only your own devices");
    }

    static SignalingException tooManyDevices(int max) {
        return new SignalingException(ErrorCode.LIMIT_REACHED,
                "you already have " + max + " registered devices; remove one first");
    }

    static SignalingException contended(DeviceId id) {
        return new SignalingException(ErrorCode.SERVICE_UNAVAILABLE, "device " + id + " is changing; try again",
                "gave up on device " + id + " after repeated concurrent changes");
    }
}
