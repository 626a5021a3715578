package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.OnionEndpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers a device of the caller (Enterprise), pending an admin's approval. A device id held by another
 * identity is refused with {@code device_id_taken}; one the caller already holds with {@code device_id_taken} too
 * (change it with {@link UpdateDevice}).
 */
public interface RegisterDevice {

    Device register(Identity caller, Request request);

    /**
     * @param publicKey opaque bytes (an Ed25519 or ML-KEM public key, say), at most the server's cap
     * @param ttl       the registration's life; clamped, the server default when empty
     */
    record Request(DeviceId deviceId, String displayName, byte[] publicKey, Optional<OnionEndpoint> onion,
            Optional<Duration> ttl) {
        public Request {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(displayName, "displayName");
            publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
            Objects.requireNonNull(onion, "onion");
            Objects.requireNonNull(ttl, "ttl");
        }
    }
}
