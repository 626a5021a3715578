package dev.switchboard.ports.driving;

import java.util.Objects;

/**
 * The edition and the admin gate, and every Enterprise driving port as one value. On a Consumer server the
 * Enterprise ports exist but refuse every call with {@code feature_not_in_edition}.
 */
public record EnterpriseUseCases(
        DescribeEdition describeEdition,
        AuthorizeAdmin authorizeAdmin,
        RegisterDevice registerDevice,
        UpdateDevice updateDevice,
        RemoveDevice removeDevice,
        ListDevices listDevices,
        ReviewDevice reviewDevice,
        QueryAuditLog queryAuditLog,
        VerifyAuditLog verifyAuditLog) {

    public EnterpriseUseCases {
        Objects.requireNonNull(describeEdition, "describeEdition");
        Objects.requireNonNull(authorizeAdmin, "authorizeAdmin");
        Objects.requireNonNull(registerDevice, "registerDevice");
        Objects.requireNonNull(updateDevice, "updateDevice");
        Objects.requireNonNull(removeDevice, "removeDevice");
        Objects.requireNonNull(listDevices, "listDevices");
        Objects.requireNonNull(reviewDevice, "reviewDevice");
        Objects.requireNonNull(queryAuditLog, "queryAuditLog");
        Objects.requireNonNull(verifyAuditLog, "verifyAuditLog");
    }
}
