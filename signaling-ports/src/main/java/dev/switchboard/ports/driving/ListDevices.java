package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists devices (Enterprise), revoked ones included and marked so. A user sees its own devices only; an
 * admin sees one owner's, or every device, optionally of one status.
 */
public interface ListDevices {

    Page list(Actor actor, Query query);

    /**
     * @param ownerKeyId whose devices; a user may only name itself (or leave it empty)
     * @param afterId    the cursor: the last id of the previous page
     */
    record Query(Optional<String> ownerKeyId, Optional<DeviceStatus> status, Optional<DeviceId> afterId,
            int limit) {
        public Query {
            Objects.requireNonNull(ownerKeyId, "ownerKeyId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(afterId, "afterId");
        }
    }

    /** {@code nextAfterId} continues the listing; empty at the end. */
    record Page(List<Device> devices, Optional<DeviceId> nextAfterId) {
        public Page {
            devices = List.copyOf(devices);
            Objects.requireNonNull(nextAfterId, "nextAfterId");
        }
    }
}
