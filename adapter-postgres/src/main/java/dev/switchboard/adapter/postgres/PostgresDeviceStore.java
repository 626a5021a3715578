package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.DEVICES;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The device registry in PostgreSQL. The primary key decides between concurrent registrations of one id;
 * every change is one statement that compares the version ({@code WHERE id = ? AND version = ?}), so of two
 * changes based on one read, the second re-checks the committed row, finds the version moved and changes
 * nothing. Ids are {@code COLLATE "C"}, so lists come in Java's string order.
 */
final class PostgresDeviceStore implements DeviceStore {
    private final Database database;
    private final ExpirySweep sweep;

    PostgresDeviceStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    /**
     * An expired holder of the id is deleted first (its row lock orders concurrent registrants), then the
     * insert does nothing if another registrant's row holds the id.
     */
    @Override
    public boolean insert(Device device, Instant now) {
        return database.transaction(tx -> {
            tx.deleteFrom(DEVICES)
                    .where(DEVICES.ID.eq(device.id().value()))
                    .and(DEVICES.EXPIRES_AT.le(now))
                    .execute();
            return tx.insertInto(DEVICES)
                    .set(DeviceRows.row(device))
                    .onConflictOnConstraint(DSL.name("devices_pk"))
                    .doNothing()
                    .execute() == 1;
        });
    }

    @Override
    public Optional<Device> find(DeviceId id) {
        return database.statement(dsl -> dsl.selectFrom(DEVICES)
                .where(DEVICES.ID.eq(id.value()))
                .fetchOptional(DeviceRows::device));
    }

    @Override
    public boolean update(Device changed) {
        return database.statement(dsl -> dsl.update(DEVICES)
                .set(DeviceRows.row(changed))
                .where(DEVICES.ID.eq(changed.id().value()))
                .and(DEVICES.VERSION.eq(changed.version() - 1))
                .execute() == 1);
    }

    @Override
    public boolean delete(DeviceId id, long version) {
        return database.statement(dsl -> dsl.deleteFrom(DEVICES)
                .where(DEVICES.ID.eq(id.value()))
                .and(DEVICES.VERSION.eq(version))
                .execute() == 1);
    }

    @Override
    public List<Device> listByOwner(String ownerKeyId, Optional<DeviceId> afterId, Instant now, int limit) {
        return page(DEVICES.OWNER_KEY_ID.eq(ownerKeyId), afterId, now, limit);
    }

    @Override
    public List<Device> list(Optional<DeviceStatus> status, Optional<DeviceId> afterId, Instant now, int limit) {
        return page(status.map(s -> DEVICES.STATUS.eq(s.name())).orElse(DSL.noCondition()), afterId, now, limit);
    }

    @Override
    public int countByOwner(String ownerKeyId, Instant now) {
        return database.statement(dsl ->
                dsl.fetchCount(DEVICES, DEVICES.OWNER_KEY_ID.eq(ownerKeyId).and(DEVICES.EXPIRES_AT.gt(now))));
    }

    @Override
    public int deleteExpired(Instant now) {
        return sweep.devicesExpiredAt(now);
    }

    /** Devices matching {@code which}, not expired at {@code now}, by id after the cursor. */
    private List<Device> page(Condition which, Optional<DeviceId> afterId, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.statement(dsl -> dsl.selectFrom(DEVICES)
                .where(which)
                .and(DEVICES.EXPIRES_AT.gt(now))
                .and(afterId.map(after -> DEVICES.ID.gt(after.value())).orElse(DSL.noCondition()))
                .orderBy(DEVICES.ID)
                .limit(limit)
                .fetch(DeviceRows::device));
    }
}
