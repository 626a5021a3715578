package dev.switchboard.adapter.memory;

import dev.switchboard.ports.contract.AuditLogContract;
import dev.switchboard.ports.driven.AuditLog;

/** The audit log contract, against memory. */
class InMemoryAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
