package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The launcher, run as a real process the way an operator runs it, when it must refuse or fail. */
class MainTest {

    @Nested
    class WhenTheConfigurationIsInvalid {
        @Test
        void exitsWithStatus2ListingEveryProblem() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(
                    "SWITCHBOARD_HTTP_PORT", "eighty",
                    "SWITCHBOARD_STORE", "cassandra",
                    "SWITCHBOARD_MASTER_KEY", "not-a-key"))) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(2);
                assertThat(launcher.output())
                        .contains("invalid configuration (3 problems)")
                        .contains("SWITCHBOARD_HTTP_PORT")
                        .contains("SWITCHBOARD_STORE: must be one of [memory, postgres]")
                        .contains("SWITCHBOARD_MASTER_KEY")
                        .doesNotContain("not-a-key");
            }
        }

        @Test
        void refusesToMigrateTheMemoryStore() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(), "migrate")) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(2);
                assertThat(launcher.output()).contains("SWITCHBOARD_STORE: must be postgres to migrate");
            }
        }
    }

    @Nested
    class WhenTheEnterpriseEditionIsMisconfigured {
        @Test
        void refusesToStartWithoutTheAcknowledgement() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of("SWITCHBOARD_EDITION", "enterprise"))) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(2);
                assertThat(launcher.output()).contains("invalid configuration (1 problem)")
                        .contains("SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED: is required with the enterprise edition")
                        .doesNotContain("started");
            }
        }

        @Test
        void refusesToStartOnAManagedServerlessPlatformNamingIt() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(
                    "SWITCHBOARD_EDITION", "enterprise",
                    "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "true",
                    "AWS_LAMBDA_FUNCTION_NAME", "switchboard"))) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(2);
                assertThat(launcher.output()).contains("AWS Lambda was detected")
                        .contains("SWITCHBOARD_ENTERPRISE_ALLOW_SERVERLESS=true");
            }
        }

        @Test
        void reportsEveryProblemTogetherWithoutEchoingTheAdminToken() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(
                    "SWITCHBOARD_EDITION", "enterprise",
                    "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "yes",
                    "SWITCHBOARD_ADMIN_TOKEN", "tooshort-secret",
                    "SWITCHBOARD_ADMIN_KEY_IDS", "hk_e3ZwGj5ZAtwxSiVpwBoL",
                    "SWITCHBOARD_TRANSFER_MAX_CHUNK_BYTES", "999999999"))) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(2);
                assertThat(launcher.output()).contains("invalid configuration (4 problems)")
                        .contains("SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED: must be exactly true")
                        .contains("SWITCHBOARD_ADMIN_TOKEN: must be at least 32 characters")
                        .contains("is an HMAC credential id")
                        .contains("SWITCHBOARD_TRANSFER_MAX_CHUNK_BYTES")
                        .doesNotContain("tooshort-secret");
            }
        }

        @Test
        void startsOnceAcknowledgedAndSaysWhichEdition() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(
                    "SWITCHBOARD_EDITION", "enterprise",
                    "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "true",
                    "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                    "SWITCHBOARD_HTTP_PORT", "0",
                    "SWITCHBOARD_PEERJS_PORT", "0"))) {

                launcher.awaitOutput("started: edition=enterprise, store=memory");
                assertThat(launcher.output()).contains("the audit log and the device registry are lost");
            }
        }
    }

    @Nested
    class WhenVerifyingTheAuditLog {
        @Test
        void explainsThatConsumerKeepsNoAuditLog() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(), "verify-audit")) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(2);
                assertThat(launcher.output()).contains("The audit log is an Enterprise feature");
            }
        }

        @Test
        void refusesTheMemoryStoreWhichOnlyTheServingProcessCanRead() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(
                    "SWITCHBOARD_EDITION", "enterprise", "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "true"),
                    "verify-audit")) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(2);
                assertThat(launcher.output()).contains("GET /v1/admin/audit/verify");
            }
        }
    }

    @Nested
    class WhenRotatingKeys {
        @Test
        void exitsWithStatus2WithoutAMasterKey() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(), "rotate-keys")) {

                assertThat(launcher.awaitExit()).isEqualTo(2);
                assertThat(launcher.output()).contains("Switchboard cannot rotate keys")
                        .contains("SWITCHBOARD_MASTER_KEY: is required to rotate keys");
            }
        }

        @Test
        void exitsWithStatus2OnTheMemoryStoreWhichStoresNothingToReencrypt() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(
                    "SWITCHBOARD_MASTER_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
                    "rotate-keys")) {

                assertThat(launcher.awaitExit()).isEqualTo(2);
                assertThat(launcher.output()).contains("nothing stored to re-encrypt")
                        .doesNotContain("00112233445566778899aabbccddeeff");
            }
        }
    }

    @Nested
    class WhenTheCommandLineIsWrong {
        @Test
        void exitsWithStatus2AndTheUsageForAnUnknownCommand() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(), "migrat")) {

                assertThat(launcher.awaitExit()).isEqualTo(2);
                assertThat(launcher.output()).contains("Unknown command: migrat")
                        .contains("Usage: java -jar switchboard.jar [serve | migrate | verify-audit | rotate-keys | help]");
            }
        }

        @Test
        void printsTheUsageWhenAskedForHelp() {
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(), "--help")) {

                assertThat(launcher.awaitExit()).isZero();
                assertThat(launcher.output()).contains("migrate       apply pending PostgreSQL schema migrations")
                        .contains("verify-audit  check the audit log's hash chain")
                        .contains("rotate-keys   re-encrypt stored secrets to SWITCHBOARD_MASTER_KEY");
            }
        }
    }

    @Nested
    class WhenPostgresDoesNotAnswer {
        @Test
        void exitsWithStatus1AndOneClearLineNamingTheUrlButNeverThePassword() throws IOException {
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            try (LauncherProcess launcher = LauncherProcess.start(Map.of(
                    "SWITCHBOARD_STORE", "postgres",
                    "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/sb?password=hunter2",
                    "SWITCHBOARD_DATABASE_PASSWORD", "hunter2",
                    "SWITCHBOARD_DATABASE_CONNECT_TIMEOUT_SECONDS", "1",
                    "SWITCHBOARD_MASTER_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                    "SWITCHBOARD_SIGNING_KEY", "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677"))) {

                assertThat(launcher.awaitExit()).as(launcher.output()).isEqualTo(1);
                assertThat(launcher.linesContaining("Switchboard failed to start")).singleElement().asString()
                        .contains("PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort
                                + "/sb?password=*** does not answer for user switchboard");
                assertThat(launcher.output()).doesNotContain("hunter2").doesNotContain("started");
            }
        }
    }
}
