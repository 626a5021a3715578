package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.contract.AuditLogContract;
import dev.switchboard.ports.driven.AuditLog;

/** The audit log contract, against PostgreSQL. */
class PostgresAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        TestDatabase.emptyAuditLog();
        return TestDatabase.sharedStorage().auditLog();
    }
}
