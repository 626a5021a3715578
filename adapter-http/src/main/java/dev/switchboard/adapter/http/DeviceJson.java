package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.model.Device;
import java.time.Instant;
import java.util.List;

/** A registered device: its public key as base64url, and the admins' verdict. Absent fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeviceJson(String deviceId, String owner, String displayName, String publicKey, OnionJson onion,
        String status, String revocationReason, String reviewedBy, Instant registeredAt, Instant updatedAt,
        Instant expiresAt) {

    static DeviceJson from(Device device) {
        return new DeviceJson(device.id().value(), device.ownerKeyId(), device.displayName(),
                PublicKeys.encode(device.publicKey()), device.onion().map(OnionJson::from).orElse(null),
                device.status().wireName(), device.revocationReason().orElse(null), device.reviewedBy().orElse(null),
                device.registeredAt(), device.updatedAt(), device.expiresAt());
    }

    static List<DeviceJson> fromAll(List<Device> devices) {
        return devices.stream().map(DeviceJson::from).toList();
    }
}
