package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditPage;
import dev.switchboard.ports.model.AuditQuery;

/** Reads the audit log by time range and event type, a page at a time (Enterprise, admins only). */
public interface QueryAuditLog {
    AuditPage query(Actor.Admin admin, AuditQuery query);
}
