package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.OnionEndpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a device (Enterprise), by its owner or an admin. A new public key sends an approved device back to
 * {@code pending}, since the admins approved the old key. A revoked device is refused with {@code device_revoked}.
 */
public interface UpdateDevice {

    Device update(Actor actor, DeviceId deviceId, Changes changes);

    /**
     * Each present field replaces the stored one. {@code onion} holds an empty optional to remove the endpoint.
     * {@code ttl} renews the registration from now.
     */
    record Changes(Optional<String> displayName, Optional<byte[]> publicKey,
            Optional<Optional<OnionEndpoint>> onion, Optional<Duration> ttl) {
        public Changes {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(onion, "onion");
            Objects.requireNonNull(ttl, "ttl");
            publicKey = publicKey.map(byte[]::clone);
        }
    }
}
