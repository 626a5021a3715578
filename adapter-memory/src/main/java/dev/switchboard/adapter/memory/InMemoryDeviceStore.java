package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The device registry in memory, sorted by id so that pages read in order. Every write is a conditional
 * replace or remove of the exact device read, so a concurrent change makes it fail rather than be lost, and
 * no lock is needed. Listing walks the devices after the cursor: registrations are few and bounded per owner,
 * whereas an owner index would have to be kept in step with every compare-and-set.
 */
final class InMemoryDeviceStore implements DeviceStore {
    private final ConcurrentSkipListMap<String, Device> devices = new ConcurrentSkipListMap<>();

    @Override
    public boolean insert(Device device, Instant now) {
        String key = device.id().value();
        while (true) {
            Device holder = devices.get(key);
            if (holder == null) {
                if (devices.putIfAbsent(key, device) == null) {
                    return true;
                }
            } else if (!holder.isExpiredAt(now)) {
                return false;
            } else if (devices.replace(key, holder, device)) {
                return true;
            }
        }
    }

    @Override
    public Optional<Device> find(DeviceId id) {
        return Optional.ofNullable(devices.get(id.value()));
    }

    @Override
    public boolean update(Device changed) {
        String key = changed.id().value();
        Device stored = devices.get(key);
        return stored != null && stored.version() == changed.version() - 1 && devices.replace(key, stored, changed);
    }

    @Override
    public boolean delete(DeviceId id, long version) {
        Device stored = devices.get(id.value());
        return stored != null && stored.version() == version && devices.remove(id.value(), stored);
    }

    @Override
    public List<Device> listByOwner(String ownerKeyId, Optional<DeviceId> afterId, Instant now, int limit) {
        return page(afterId, limit, device -> device.ownerKeyId().equals(ownerKeyId) && !device.isExpiredAt(now));
    }

    @Override
    public List<Device> list(Optional<DeviceStatus> status, Optional<DeviceId> afterId, Instant now, int limit) {
        return page(afterId, limit,
                device -> status.map(wanted -> device.status() == wanted).orElse(true) && !device.isExpiredAt(now));
    }

    @Override
    public int countByOwner(String ownerKeyId, Instant now) {
        return (int) devices.values().stream()
                .filter(device -> device.ownerKeyId().equals(ownerKeyId) && !device.isExpiredAt(now)).count();
    }

    @Override
    public int deleteExpired(Instant now) {
        int deleted = 0;
        for (Map.Entry<String, Device> entry : devices.entrySet()) {
            // By key and value: of two racing sweeps only one counts it, and one renewed meanwhile is left alone.
            if (entry.getValue().isExpiredAt(now) && devices.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }

    /** How many devices are not expired at {@code now}; walks every device. */
    long countLive(Instant now) {
        return devices.values().stream().filter(device -> !device.isExpiredAt(now)).count();
    }

    /** How many devices are held; for tests that prove sweeps leave nothing behind. */
    int size() {
        return devices.size();
    }

    private List<Device> page(Optional<DeviceId> afterId, int limit, Predicate<Device> wanted) {
        ConcurrentNavigableMap<String, Device> after = afterId
                .map(id -> devices.tailMap(id.value(), false))
                .orElse(devices);
        List<Device> page = new ArrayList<>();
        for (Device device : after.values()) {
            if (page.size() >= limit) {
                break;
            }
            if (wanted.test(device)) {
                page.add(device);
            }
        }
        return page;
    }
}
