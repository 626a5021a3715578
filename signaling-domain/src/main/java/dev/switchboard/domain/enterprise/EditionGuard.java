package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.driving.QueryAuditLog;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.RemoveDevice;
import dev.switchboard.ports.driving.ReviewDevice;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.Feature;

/**
 * Wraps each Enterprise use case so that, on an edition without its feature, every call is refused with
 * {@code feature_not_in_edition} before anything else happens, whichever adapter makes it.
 */
final class EditionGuard {
    private final Edition edition;

    EditionGuard(Edition edition) {
        this.edition = edition;
    }

    RegisterDevice registerDevice(RegisterDevice inner) {
        return (caller, request) -> {
            require(Feature.DEVICE_REGISTRY);
            return inner.register(caller, request);
        };
    }

    UpdateDevice updateDevice(UpdateDevice inner) {
        return (actor, deviceId, changes) -> {
            require(Feature.DEVICE_REGISTRY);
            return inner.update(actor, deviceId, changes);
        };
    }

    RemoveDevice removeDevice(RemoveDevice inner) {
        return (actor, deviceId) -> {
            require(Feature.DEVICE_REGISTRY);
            inner.remove(actor, deviceId);
        };
    }

    ListDevices listDevices(ListDevices inner) {
        return (actor, query) -> {
            require(Feature.DEVICE_REGISTRY);
            return inner.list(actor, query);
        };
    }

    ReviewDevice reviewDevice(ReviewDevice inner) {
        return new ReviewDevice() {
            @Override
            public Device approve(Actor.Admin admin, DeviceId deviceId) {
                require(Feature.DEVICE_REGISTRY);
                return inner.approve(admin, deviceId);
            }

            @Override
            public Device revoke(Actor.Admin admin, DeviceId deviceId, String reason) {
                require(Feature.DEVICE_REGISTRY);
                return inner.revoke(admin, deviceId, reason);
            }
        };
    }

    QueryAuditLog queryAuditLog(QueryAuditLog inner) {
        return (admin, query) -> {
            require(Feature.AUDIT_LOG);
            return inner.query(admin, query);
        };
    }

    VerifyAuditLog verifyAuditLog(VerifyAuditLog inner) {
        return admin -> {
            require(Feature.AUDIT_LOG);
            return inner.verify(admin);
        };
    }

    private void require(Feature feature) {
        if (!edition.has(feature)) {
            throw new SignalingException(ErrorCode.FEATURE_NOT_IN_EDITION, "the " + feature.wireName()
                    + " belongs to the Enterprise edition; this server runs " + edition.wireName());
        }
    }
}
