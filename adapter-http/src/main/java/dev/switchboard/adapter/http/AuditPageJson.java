package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.model.AuditPage;
import java.util.List;

/** A page of the audit log; {@code nextAfter} is the {@code after} of the next page, left out on the last. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AuditPageJson(List<AuditEntryJson> entries, Long nextAfter) {

    static AuditPageJson from(AuditPage page) {
        return new AuditPageJson(page.entries().stream().map(AuditEntryJson::from).toList(),
                page.nextAfterSequence().isPresent() ? page.nextAfterSequence().getAsLong() : null);
    }
}
