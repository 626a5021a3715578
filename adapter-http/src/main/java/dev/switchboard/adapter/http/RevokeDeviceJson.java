package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;

/** The body of {@code POST /v1/admin/devices/{deviceId}/revoke}: a short, non-secret reason. */
record RevokeDeviceJson(String reason) {

    String validReason() {
        if (Required.field(reason, "reason").isBlank()) {
            throw SignalingException.invalid("reason", "must not be blank");
        }
        return reason;
    }
}
