package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.model.DeviceId;
import java.util.Optional;

/** The body of {@code POST /v1/devices}: id, name and public key required; onion endpoint and life optional. */
record RegisterDeviceJson(String deviceId, String displayName, String publicKey, OnionJson onion, Long ttlSeconds) {

    RegisterDevice.Request toRequest() {
        return new RegisterDevice.Request(new DeviceId(Required.field(deviceId, "deviceId")),
                Required.field(displayName, "displayName"), PublicKeys.decode(publicKey, "publicKey"),
                Optional.ofNullable(onion).map(OnionJson::toEndpoint), TtlSeconds.of(ttlSeconds));
    }
}
