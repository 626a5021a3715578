package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ports.driving.VerifyAuditLog;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one line {@code verify-audit} prints: valid JSON that a script can read, whatever the problem text holds. */
class AuditVerificationLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void saysIntactWithNullsForTheBreak() throws Exception {
        String line = AuditVerificationLine.of(new VerifyAuditLog.Verification(12, OptionalLong.empty(),
                Optional.empty()));

        assertThat(line).isEqualTo(
                "{\"auditLog\":\"intact\",\"entriesChecked\":12,\"firstBrokenSequence\":null,\"problem\":null}");
        assertThat(JSON.readTree(line).path("entriesChecked").asLong()).isEqualTo(12);
    }

    @Test
    void namesTheFirstBrokenSequenceAndEscapesTheProblem() throws Exception {
        String problem = "entry \"7\" was altered\\n\tsee\u0001 log";

        JsonNode line = JSON.readTree(AuditVerificationLine.of(new VerifyAuditLog.Verification(7,
                OptionalLong.of(7), Optional.of(problem))));

        assertThat(line.path("auditLog").asText()).isEqualTo("broken");
        assertThat(line.path("firstBrokenSequence").asLong()).isEqualTo(7);
        assertThat(line.path("problem").asText()).isEqualTo(problem);
    }
}
