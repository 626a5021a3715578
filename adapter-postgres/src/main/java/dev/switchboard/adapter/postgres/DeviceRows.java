package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.DEVICES;

import dev.switchboard.adapter.postgres.schema.tables.records.DevicesRecord;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.model.OnionEndpoint;
import java.util.Optional;

/** Translates between device rows and the ports' devices; the status is stored by its enum name. */
final class DeviceRows {

    private DeviceRows() {}

    /** Every column of {@code device}, in a record ready to insert or to replace the stored one. */
    static DevicesRecord row(Device device) {
        DevicesRecord row = new DevicesRecord();
        row.setId(device.id().value());
        row.setOwnerKeyId(device.ownerKeyId());
        row.setDisplayName(device.displayName());
        row.setPublicKey(device.publicKey());
        row.setOnionAddress(device.onion().map(OnionEndpoint::address).orElse(null));
        row.setOnionPort(device.onion().map(OnionEndpoint::port).orElse(null));
        row.setStatus(device.status().name());
        row.setRevocationReason(device.revocationReason().orElse(null));
        row.setReviewedBy(device.reviewedBy().orElse(null));
        row.setRegisteredAt(device.registeredAt());
        row.setUpdatedAt(device.updatedAt());
        row.setExpiresAt(device.expiresAt());
        row.setVersion(device.version());
        return row;
    }

    static Device device(DevicesRecord row) {
        Optional<OnionEndpoint> onion = row.getOnionAddress() == null
                ? Optional.empty()
                : Optional.of(new OnionEndpoint(row.getOnionAddress(), row.getOnionPort()));
        return new Device(
                new DeviceId(row.getId()),
                row.getOwnerKeyId(),
                row.getDisplayName(),
                row.getPublicKey(),
                onion,
                DeviceStatus.valueOf(row.getStatus()),
                Optional.ofNullable(row.getRevocationReason()),
                Optional.ofNullable(row.getReviewedBy()),
                row.getRegisteredAt(),
                row.getUpdatedAt(),
                row.getExpiresAt(),
                row.getVersion());
    }
}
