package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.DeviceId;
import java.util.Optional;

/** The signed device routes of the Enterprise registry, acting as the identity that signed. */
final class DeviceEndpoints {
    private final EnterpriseUseCases enterprise;
    private final WireJson json;

    DeviceEndpoints(EnterpriseUseCases enterprise, WireJson json) {
        this.enterprise = enterprise;
        this.json = json;
    }

    /** {@code POST /v1/devices}: 201 with the device, pending review. */
    Reply register(Call call) {
        var request = call.body(RegisterDeviceJson.class).toRequest();
        return Reply.created(DeviceJson.from(enterprise.registerDevice().register(call.caller(), request)));
    }

    /** {@code GET /v1/devices?after=&limit=}: the caller's own devices, revoked ones included. */
    Reply list(Call call) {
        var query = new ListDevices.Query(Optional.empty(), Optional.empty(), after(call.query()),
                Paging.limit(call.query()));
        return Reply.ok(DevicePageJson.from(enterprise.listDevices().list(new Actor.User(call.caller()), query)));
    }

    /** {@code PATCH /v1/devices/{deviceId}}: 200 with the changed device. */
    Reply update(Call call) {
        var changes = call.body(UpdateDeviceJson.class).toChanges(json);
        return Reply.ok(DeviceJson.from(enterprise.updateDevice().update(new Actor.User(call.caller()),
                call.deviceId(), changes)));
    }

    /** {@code DELETE /v1/devices/{deviceId}}: 204. */
    Reply remove(Call call) {
        enterprise.removeDevice().remove(new Actor.User(call.caller()), call.deviceId());
        return new Reply.NoContent();
    }

    /** The {@code after} cursor of a device listing: the last device id of the previous page. */
    static Optional<DeviceId> after(QueryParameters query) {
        return query.text("after").map(after -> {
            try {
                return new DeviceId(after);
            } catch (SignalingException e) {
                throw SignalingException.invalid("after", "must be a device id");
            }
        });
    }
}
