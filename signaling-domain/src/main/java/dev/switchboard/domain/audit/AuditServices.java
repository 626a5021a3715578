package dev.switchboard.domain.audit;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driving.QueryAuditLog;
import dev.switchboard.ports.driving.VerifyAuditLog;
import java.util.Objects;

/** Builds the audit log's read use cases, so that the Enterprise use cases can be assembled. */
public final class AuditServices {

    private AuditServices() {}

    public static QueryAuditLog queryAuditLog(AuditLog log) {
        return new QueryAuditLogService(Objects.requireNonNull(log, "log"));
    }

    public static VerifyAuditLog verifyAuditLog(AuditLog log) {
        return new VerifyAuditLogService(Objects.requireNonNull(log, "log"));
    }
}
