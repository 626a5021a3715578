package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Enterprise device registry. Device ids are unique on the server; every change is a compare-and-set
 * on {@link Device#version()}, so two concurrent changes never both win.
 */
public interface DeviceStore {

    /** Stores a new device (version 1) unless its id is taken by a device that is not expired at {@code now}; an expired holder is replaced. */
    boolean insert(Device device, Instant now);

    /** The device, expired or not, until it is swept. */
    Optional<Device> find(DeviceId id);

    /** Replaces the stored device if its version is {@code changed.version() - 1}; returns whether it did. */
    boolean update(Device changed);

    /** Deletes the device if its stored version is {@code version}; returns whether it did. */
    boolean delete(DeviceId id, long version);

    /** The devices of one owner not expired at {@code now}, by id, after {@code afterId}, at most {@code limit}. */
    List<Device> listByOwner(String ownerKeyId, Optional<DeviceId> afterId, Instant now, int limit);

    /** Every device not expired at {@code now}, optionally of one status, by id, after {@code afterId}, at most {@code limit}. */
    List<Device> list(Optional<DeviceStatus> status, Optional<DeviceId> afterId, Instant now, int limit);

    /** How many devices not expired at {@code now} {@code ownerKeyId} has registered. */
    int countByOwner(String ownerKeyId, Instant now);

    /** Deletes every device expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
