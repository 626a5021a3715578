package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A real device store whose operations a test may override, to stage a race at one exact step. */
class ForwardingDeviceStore implements DeviceStore {
    private final DeviceStore store;

    ForwardingDeviceStore(DeviceStore store) {
        this.store = store;
    }

    @Override
    public boolean insert(Device device, Instant now) {
        return store.insert(device, now);
    }

    @Override
    public Optional<Device> find(DeviceId id) {
        return store.find(id);
    }

    @Override
    public boolean update(Device changed) {
        return store.update(changed);
    }

    @Override
    public boolean delete(DeviceId id, long version) {
        return store.delete(id, version);
    }

    @Override
    public List<Device> listByOwner(String ownerKeyId, Optional<DeviceId> afterId, Instant now, int limit) {
        return store.listByOwner(ownerKeyId, afterId, now, limit);
    }

    @Override
    public List<Device> list(Optional<DeviceStatus> status, Optional<DeviceId> afterId, Instant now, int limit) {
        return store.list(status, afterId, now, limit);
    }

    @Override
    public int countByOwner(String ownerKeyId, Instant now) {
        return store.countByOwner(ownerKeyId, now);
    }

    @Override
    public int deleteExpired(Instant now) {
        return store.deleteExpired(now);
    }
}
