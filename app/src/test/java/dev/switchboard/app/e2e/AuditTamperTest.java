package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.postgres.PostgresSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with write access to the database changes an audit entry: the running server's verification and the
 * {@code verify-audit} command both name the first broken link. PostgreSQL only: a memory store cannot be
 * reached from outside the process.
 */
class AuditTamperTest {
    private final String schema = "tamper_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final PostgresSettings database = TestDatabase.createSchema(schema);
    private final Map<String, String> settings = settings();

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    private Map<String, String> settings() {
        Map<String, String> all = new HashMap<>(StartedSwitchboard.TEST_SETTINGS);
        all.putAll(TestDatabase.switchboardSettings(database));
        all.putAll(Enterprise.withAdmin());
        return all;
    }

    /** Runs {@code verify-audit} as an operator would and returns its exit status and its result line. */
    private VerifyAuditRun verifyAudit() {
        try (LauncherProcess command = LauncherProcess.start(settings, "verify-audit")) {
            int status = command.awaitExit();
            List<String> result = command.output().lines().filter(line -> line.startsWith("{\"auditLog\"")).toList();
            assertThat(result).as(command.output()).hasSize(1);
            return new VerifyAuditRun(status, Json.parse(result.get(0)));
        }
    }

    private record VerifyAuditRun(int status, JsonNode line) {}

    @Test
    void namesTheFirstEntryWhoseLinkNoLongerHolds() {
        try (StartedSwitchboard switchboard = StartedSwitchboard.start(settings)) {
            Peer owner = switchboard.api().newEd25519Peer();
            for (int i = 0; i < 4; i++) {
                assertThat(DeviceRegistryTest.register(owner, DeviceRegistryTest.newDeviceId(), Map.of()).status())
                        .isEqualTo(201);
            }
            AdminClient admin = AdminClient.of(switchboard.api());
            assertThat(admin.get("/v1/admin/audit/verify").json().path("intact").asBoolean()).isTrue();
            VerifyAuditRun intact = verifyAudit();
            assertThat(intact.status()).as("%s", intact.line()).isZero();
            assertThat(intact.line().path("auditLog").asText()).isEqualTo("intact");
            assertThat(intact.line().path("entriesChecked").asLong()).isGreaterThanOrEqualTo(4);
            assertThat(intact.line().path("firstBrokenSequence").isNull()).isTrue();

            long changed = TestDatabase.execute(TestDatabase.inSchema(schema),
                    "UPDATE audit_entries SET actor = 'someone-else' WHERE sequence = 2");
            assertThat(changed).isEqualTo(1);

            var verified = admin.get("/v1/admin/audit/verify").json();
            assertThat(verified.path("intact").asBoolean()).isFalse();
            assertThat(verified.path("firstBrokenSequence").asLong()).isEqualTo(2);
            assertThat(verified.path("problem").asText()).isNotBlank();
            VerifyAuditRun broken = verifyAudit();
            assertThat(broken.status()).as("%s", broken.line()).isEqualTo(3);
            assertThat(broken.line().path("auditLog").asText()).isEqualTo("broken");
            assertThat(broken.line().path("firstBrokenSequence").asLong()).isEqualTo(2);
            assertThat(broken.line().path("problem").asText()).isNotBlank();
        }
    }
}
