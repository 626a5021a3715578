package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.model.DeviceStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The admin's device routes: list any owner's devices, approve, revoke, remove. */
final class AdminDeviceEndpoints {
    static final Set<String> LIST_QUERY = Set.of("owner", "status", "after", "limit");

    private final EnterpriseUseCases enterprise;
    private final AdminAccess access;

    AdminDeviceEndpoints(EnterpriseUseCases enterprise, AdminAccess access) {
        this.enterprise = enterprise;
        this.access = access;
    }

    /** {@code GET /v1/admin/devices?owner=&status=&after=&limit=}. */
    Reply list(Call call) {
        var admin = access.admit(call);
        QueryParameters query = call.query();
        Optional<String> owner = query.text("owner");
        if (owner.filter(String::isBlank).isPresent()) {
            throw SignalingException.invalid("owner", "must be a key id");
        }
        var request = new ListDevices.Query(owner, query.text("status").map(AdminDeviceEndpoints::status),
                DeviceEndpoints.after(query), Paging.limit(query));
        return Reply.ok(DevicePageJson.from(enterprise.listDevices().list(admin, request)));
    }

    /** {@code POST /v1/admin/devices/{deviceId}/approve}: 200 with the device. */
    Reply approve(Call call) {
        var admin = access.admit(call);
        return Reply.ok(DeviceJson.from(enterprise.reviewDevice().approve(admin, call.deviceId())));
    }

    /** {@code POST /v1/admin/devices/{deviceId}/revoke}: 200 with the device, revoked for good. */
    Reply revoke(Call call) {
        var admin = access.admit(call);
        String reason = call.body(RevokeDeviceJson.class).validReason();
        return Reply.ok(DeviceJson.from(enterprise.reviewDevice().revoke(admin, call.deviceId(), reason)));
    }

    /** {@code DELETE /v1/admin/devices/{deviceId}}: 204. */
    Reply remove(Call call) {
        var admin = access.admit(call);
        enterprise.removeDevice().remove(admin, call.deviceId());
        return new Reply.NoContent();
    }

    private static DeviceStatus status(String wireName) {
        return Arrays.stream(DeviceStatus.values()).filter(status -> status.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> SignalingException.invalid("status", "must be pending, approved or revoked"));
    }
}
