package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.DeviceStoreContract;
import dev.switchboard.ports.driven.DeviceStore;

/** The device store contract, against PostgreSQL. */
class PostgresDeviceStoreTest extends DeviceStoreContract {
    @Override
    protected DeviceStore newStore() {
        TestDatabase.emptyDevices();
        return TestDatabase.sharedStorage().devices();
    }
}
