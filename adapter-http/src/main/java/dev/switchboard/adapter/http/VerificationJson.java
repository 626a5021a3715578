package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.driving.VerifyAuditLog;

/** The body of {@code GET /v1/admin/audit/verify}: intact, or the first broken link and what is wrong with it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerificationJson(boolean intact, long entriesChecked, Long firstBrokenSequence, String problem) {

    static VerificationJson from(VerifyAuditLog.Verification verification) {
        return new VerificationJson(verification.intact(), verification.entriesChecked(),
                verification.firstBrokenSequence().isPresent() ? verification.firstBrokenSequence().getAsLong() : null,
                verification.problem().orElse(null));
    }
}
