package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.DeviceStoreContract;
import dev.switchboard.ports.driven.DeviceStore;

/** The device store contract, against memory. */
class InMemoryDeviceStoreTest extends DeviceStoreContract {
    @Override
    protected DeviceStore newStore() {
        return new InMemoryDeviceStore();
    }
}
