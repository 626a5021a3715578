package dev.switchboard.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.model.OnionEndpoint;
import java.util.Optional;

/**
 * The body of {@code PATCH /v1/devices/{deviceId}}: each field present replaces the stored one. {@code onion}
 * is read as a tree to tell absent (keep it) from {@code null} (remove it).
 */
record UpdateDeviceJson(String displayName, String publicKey, JsonNode onion, Long ttlSeconds) {

    UpdateDevice.Changes toChanges(WireJson json) {
        return new UpdateDevice.Changes(Optional.ofNullable(displayName),
                Optional.ofNullable(publicKey).map(key -> PublicKeys.decode(key, "publicKey")), onionChange(json),
                TtlSeconds.of(ttlSeconds));
    }

    private Optional<Optional<OnionEndpoint>> onionChange(WireJson json) {
        if (onion == null) {
            return Optional.empty();
        }
        if (onion.isNull()) {
            return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.of(json.read(onion, OnionJson.class, "onion").toEndpoint()));
    }
}
