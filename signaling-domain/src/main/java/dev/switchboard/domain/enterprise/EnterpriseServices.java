package dev.switchboard.domain.enterprise;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.domain.audit.AuditServices;
import dev.switchboard.domain.audit.AuditTrail;
import dev.switchboard.domain.audit.AuditedDevices;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Builds the edition, admin, device and audit-log use cases, so that
 * {@link dev.switchboard.domain.SignalingCore} can assemble them. Each Enterprise-only use case comes
 * guarded by the edition (outermost), then audited, then the service itself. Starts nothing and touches
 * no store.
 */
public final class EnterpriseServices {

    private EnterpriseServices() {}

    /** Every Enterprise use case; {@code clock} is read to the millisecond, the precision stores keep. */
    public static EnterpriseUseCases create(DeviceStore devices, AuditLog auditLog, InstantSource clock,
            EnterprisePolicy policy, AuditTrail trail) {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(trail, "trail");
        InstantSource millis = new MillisecondClock(Objects.requireNonNull(clock, "clock"));
        DeviceRules rules = new DeviceRules(policy);
        DeviceLookup lookup = new DeviceLookup(devices);
        EditionGuard guard = new EditionGuard(policy.edition());
        return new EnterpriseUseCases(
                new DescribeEditionService(policy),
                new AuthorizeAdminService(policy),
                guard.registerDevice(AuditedDevices.registerDevice(
                        new RegisterDeviceService(devices, rules, millis, policy), trail)),
                guard.updateDevice(AuditedDevices.updateDevice(
                        new UpdateDeviceService(devices, lookup, rules, millis), trail)),
                guard.removeDevice(AuditedDevices.removeDevice(
                        new RemoveDeviceService(devices, lookup, rules, millis), trail)),
                guard.listDevices(new ListDevicesService(devices, millis)),
                guard.reviewDevice(AuditedDevices.reviewDevice(
                        new ReviewDeviceService(devices, lookup, rules, millis), trail)),
                guard.queryAuditLog(AuditServices.queryAuditLog(auditLog)),
                guard.verifyAuditLog(AuditServices.verifyAuditLog(auditLog)));
    }
}
