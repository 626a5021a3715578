package dev.switchboard.domain.audit;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driving.QueryAuditLog;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditPage;
import dev.switchboard.ports.model.AuditQuery;
import java.util.List;
import java.util.OptionalLong;

/** Reads a page of the audit log for an admin; a full page names the sequence the next one continues after. */
final class QueryAuditLogService implements QueryAuditLog {
    static final int MAX_LIMIT = 1000;

    private final AuditLog log;

    QueryAuditLogService(AuditLog log) {
        this.log = log;
    }

    @Override
    public AuditPage query(Actor.Admin admin, AuditQuery query) {
        int limit = Math.min(Math.max(query.limit(), 1), MAX_LIMIT);
        List<AuditEntry> entries = log.find(
                new AuditQuery(query.from(), query.to(), query.types(), query.afterSequence(), limit));
        OptionalLong next = entries.size() == limit
                ? OptionalLong.of(entries.get(entries.size() - 1).sequence())
                : OptionalLong.empty();
        return new AuditPage(entries, next);
    }
}
