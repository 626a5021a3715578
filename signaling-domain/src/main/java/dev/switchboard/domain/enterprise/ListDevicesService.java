package dev.switchboard.domain.enterprise;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Lists devices a page at a time: a user its own only, an admin one owner's or everyone's. A status filter
 * on one owner's devices is applied to the page the store returned, so such a page may hold fewer than the
 * limit and still have a next page; the cursor is always the last id the store returned.
 */
final class ListDevicesService implements ListDevices {
    static final int MAX_LIMIT = 200;

    private final DeviceStore devices;
    private final InstantSource clock;

    ListDevicesService(DeviceStore devices, InstantSource clock) {
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public Page list(Actor actor, Query query) {
        int limit = Math.min(Math.max(query.limit(), 1), MAX_LIMIT);
        Instant now = clock.instant();
        Optional<String> owner = query.ownerKeyId();
        if (actor instanceof Actor.User user) {
            String self = user.identity().keyId();
            if (owner.filter(named -> !named.equals(self)).isPresent()) {
                throw DeviceErrors.notOwnerOfListing();
            }
            owner = Optional.of(self);
        }
        List<Device> page = owner.isPresent()
                ? devices.listByOwner(owner.get(), query.afterId(), now, limit)
                : devices.list(query.status(), query.afterId(), now, limit);
        Optional<DeviceId> next = page.size() == limit
                ? Optional.of(page.get(page.size() - 1).id())
                : Optional.empty();
        List<Device> shown = query.status().isEmpty() ? page
                : page.stream().filter(device -> device.status() == query.status().get()).toList();
        return new Page(shown, next);
    }
}
