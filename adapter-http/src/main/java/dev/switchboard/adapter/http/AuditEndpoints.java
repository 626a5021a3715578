package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.QueryAuditLog;
import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditPage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The admin's audit log routes: a page at a time, the whole (filtered) log as JSON lines, and the check of
 * its hash chain. The export asks for one page at a time and writes it before asking for the next, so the
 * log is never held whole.
 */
final class AuditEndpoints {
    static final String NDJSON = "application/x-ndjson";
    static final int EXPORT_PAGE_SIZE = 500;
    static final Set<String> QUERY = union(AuditFilter.NAMES, Set.of("after", "limit"));

    private final QueryAuditLog queryAuditLog;
    private final VerifyAuditLog verifyAuditLog;
    private final AdminAccess access;
    private final WireJson json;
    private final int exportPageSize;

    AuditEndpoints(QueryAuditLog queryAuditLog, VerifyAuditLog verifyAuditLog, AdminAccess access, WireJson json,
            int exportPageSize) {
        this.queryAuditLog = queryAuditLog;
        this.verifyAuditLog = verifyAuditLog;
        this.access = access;
        this.json = json;
        this.exportPageSize = exportPageSize;
    }

    /** {@code GET /v1/admin/audit?from=&to=&type=&after=&limit=}. */
    Reply query(Call call) {
        Actor.Admin admin = access.admit(call);
        AuditFilter filter = AuditFilter.of(call.query());
        long after = call.query().integer("after", 0);
        if (after < 0) {
            throw SignalingException.invalid("after", "must not be negative");
        }
        return Reply.ok(AuditPageJson.from(queryAuditLog.query(admin, filter.after(after, Paging.limit(call.query())))));
    }

    /**
     * {@code GET /v1/admin/audit/export?from=&to=&type=}: one entry per line, in sequence order. The first page
     * is read before anything is sent, so a refusal is still a problem; a failure later cuts the response.
     */
    Reply export(Call call) {
        Actor.Admin admin = access.admit(call);
        AuditFilter filter = AuditFilter.of(call.query());
        AuditPage first = queryAuditLog.query(admin, filter.after(0, exportPageSize));
        return new Reply.Stream(NDJSON, out -> {
            AuditPage page = first;
            while (true) {
                writeLines(page, out);
                if (page.nextAfterSequence().isEmpty() || page.entries().isEmpty()) {
                    return;
                }
                page = queryAuditLog.query(admin, filter.after(page.nextAfterSequence().getAsLong(), exportPageSize));
            }
        });
    }

    /** {@code GET /v1/admin/audit/verify}: walks the whole chain. */
    Reply verify(Call call) {
        Actor.Admin admin = access.admit(call);
        return Reply.ok(VerificationJson.from(verifyAuditLog.verify(admin)));
    }

    private void writeLines(AuditPage page, OutputStream out) throws IOException {
        for (AuditEntry entry : page.entries()) {
            out.write(json.write(AuditEntryJson.from(entry)));
            out.write('\n');
        }
        out.flush();
    }

    private static Set<String> union(Set<String> some, Set<String> more) {
        Set<String> all = new HashSet<>(some);
        all.addAll(more);
        return Set.copyOf(all);
    }
}
