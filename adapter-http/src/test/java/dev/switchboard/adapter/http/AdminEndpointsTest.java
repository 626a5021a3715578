package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AuthorizeAdmin.AdminCredential;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.AuditPage;
import dev.switchboard.ports.model.AuditQuery;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest {
    private static final String ADMIN_BEARER = "Bearer " + FakeAdminGate.ADMIN_TOKEN;

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    private HttpResponse<String> asAdmin(String method, String path, String json) {
        HttpRequest.Builder request = running.request(path).header("Authorization", ADMIN_BEARER);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return running.send(request.build());
    }

    private static AuditPage page(long first, long last, OptionalLong next) {
        return new AuditPage(LongStream.rangeClosed(first, last).mapToObj(Fixtures::auditEntry).toList(), next);
    }

    @Nested
    class WhenNoAdminCredentialIsConfigured {

        private void assertLooksLikeNoSuchPath(HttpResponse<String> response) {
            HttpResponse<String> unknown = running.get("/v1/nothing-here");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(unknown.body());
            assertThat(response.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
        }

        @Test
        void answersEveryAdminPathExactlyAsAnUnknownPath() {
            uses.adminGate.enabled = false;

            assertLooksLikeNoSuchPath(asAdmin("GET", "/v1/admin/devices", null));
            assertLooksLikeNoSuchPath(running.get("/v1/admin/audit/verify"));
            assertLooksLikeNoSuchPath(asAdmin("POST", "/v1/admin/devices/alice-laptop/revoke", "{\"reason\":\"x\"}"));
            assertThat(uses.adminGate.shown).isEmpty();
            verifyNoInteractions(uses.authenticateRequest, uses.listDevices, uses.reviewDevice);
        }

        @Test
        void answersAnotherMethodOrAnUnknownParameterAsAnUnknownPathToo() {
            uses.adminGate.enabled = false;

            assertLooksLikeNoSuchPath(asAdmin("PUT", "/v1/admin/audit", null));
            assertLooksLikeNoSuchPath(running.get("/v1/admin/devices?bogus=1"));
            assertLooksLikeNoSuchPath(running.send(running.request("/v1/admin/devices/alice-laptop/revoke")
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build()));
        }

        @Test
        void answersAsAnUnknownPathWhenTheCoreSaysSoOnlyOnceAsked() {
            uses.adminGate.enabled = false;
            uses.adminGate.reportsEnabled = true;

            assertLooksLikeNoSuchPath(asAdmin("GET", "/v1/admin/audit/verify", null));
            assertThat(uses.adminGate.shown).hasSize(1);
        }
    }

    @Nested
    class WithoutTheAdminCredential {

        @Test
        void asksForTheAdminCredentialWith401() {
            HttpResponse<String> response = running.get("/v1/admin/devices");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("admin_required");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"switchboard-admin\"");
            assertThat(response.headers().firstValue("Accept-Signature")).isEmpty();
            assertThat(uses.adminGate.shown).containsExactly(new AdminCredential.None());
            verifyNoInteractions(uses.listDevices);
        }

        @Test
        void refusesAWrongToken() {
            HttpResponse<String> response = running.send(running.request("/v1/admin/audit/verify")
                    .header("Authorization", "Bearer guessed").GET().build());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(uses.adminGate.shown).containsExactly(new AdminCredential.BearerToken("guessed"));
        }

        @Test
        void refusesASignatureByAnIdentityThatIsNoAdmin() {
            Identity mallory = new Identity(SignatureAlgorithm.ED25519, Fixtures.BOB_KEY);
            when(uses.authenticateRequest.authenticate(any())).thenReturn(mallory);

            HttpResponse<String> response = running.send(running.request("/v1/admin/audit/verify")
                    .header("Signature-Input", "sig1=(\"@method\");keyid=\"x\"").header("Signature", "sig1=:AAAA:")
                    .GET().build());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(uses.adminGate.shown).containsExactly(new AdminCredential.Signed(mallory));
        }
    }

    @Nested
    class Devices {

        @Test
        void listsAnyOwnersDevicesByStatus() {
            when(uses.listDevices.list(any(), any())).thenReturn(
                    new ListDevices.Page(List.of(Fixtures.device(false)), Optional.empty()));

            HttpResponse<String> response = asAdmin("GET",
                    "/v1/admin/devices?owner=" + Fixtures.BOB_KEY + "&status=approved&after=a&limit=5", null);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = RunningServer.json(response);
            assertThat(page.path("devices")).hasSize(1);
            assertThat(page.has("nextAfter")).isFalse();
            verify(uses.listDevices).list(FakeAdminGate.OPS, new ListDevices.Query(Optional.of(Fixtures.BOB_KEY),
                    Optional.of(DeviceStatus.APPROVED), Optional.of(new DeviceId("a")), 5));
        }

        @Test
        void acceptsASignatureByAnAdminKey() {
            when(uses.listDevices.list(any(), any())).thenReturn(new ListDevices.Page(List.of(), Optional.empty()));

            HttpResponse<String> response = running.send(running.request("/v1/admin/devices")
                    .header("Signature-Input", "sig1=(\"@method\");keyid=\"x\"").header("Signature", "sig1=:AAAA:")
                    .GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(uses.adminGate.shown).containsExactly(new AdminCredential.Signed(UseCaseDoubles.ALICE));
        }

        @Test
        void refusesAnUnknownStatus() {
            HttpResponse<String> response = asAdmin("GET", "/v1/admin/devices?status=lost", null);

            assertThat(response.statusCode()).isEqualTo(422);
            verifyNoInteractions(uses.listDevices);
        }

        @Test
        void approvesRevokesAndRemoves() {
            when(uses.reviewDevice.approve(FakeAdminGate.OPS, Fixtures.DEVICE_ID)).thenReturn(Fixtures.device(false));
            when(uses.reviewDevice.revoke(FakeAdminGate.OPS, Fixtures.DEVICE_ID, "lost"))
                    .thenReturn(Fixtures.revokedDevice());

            HttpResponse<String> approved = asAdmin("POST", "/v1/admin/devices/alice-laptop/approve", null);
            HttpResponse<String> revoked = asAdmin("POST", "/v1/admin/devices/alice-laptop/revoke",
                    "{\"reason\":\"lost\"}");
            HttpResponse<String> removed = asAdmin("DELETE", "/v1/admin/devices/alice-laptop", null);

            assertThat(approved.statusCode()).isEqualTo(200);
            assertThat(RunningServer.json(revoked).path("status").asText()).isEqualTo("revoked");
            assertThat(removed.statusCode()).isEqualTo(204);
            verify(uses.removeDevice).remove(FakeAdminGate.OPS, Fixtures.DEVICE_ID);
        }

        @Test
        void refusesARevocationWithoutAReason() {
            HttpResponse<String> response = asAdmin("POST", "/v1/admin/devices/alice-laptop/revoke", "{}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("reason: is required");
            verifyNoInteractions(uses.reviewDevice);
        }
    }

    @Nested
    class AuditLog {

        @Test
        void queriesByTimeAndTypesGivenRepeatedOrCommaSeparated() {
            when(uses.queryAuditLog.query(any(), any())).thenReturn(page(6, 7, OptionalLong.of(7)));

            HttpResponse<String> response = asAdmin("GET", "/v1/admin/audit?from=2026-01-02T00:00:00Z"
                    + "&to=2026-01-03T00:00:00Z&type=transfer.claimed&type=device.revoked,device.approved&after=5&limit=2",
                    null);

            assertThat(response.statusCode()).isEqualTo(200);
            verify(uses.queryAuditLog).query(FakeAdminGate.OPS, new AuditQuery(
                    Optional.of(Instant.parse("2026-01-02T00:00:00Z")), Optional.of(Instant.parse("2026-01-03T00:00:00Z")),
                    Set.of(AuditEventType.TRANSFER_CLAIMED, AuditEventType.DEVICE_REVOKED,
                            AuditEventType.DEVICE_APPROVED), 5, 2));
            JsonNode page = RunningServer.json(response);
            assertThat(page.path("nextAfter").asLong()).isEqualTo(7);
            assertThat(page.path("entries").get(0).toString()).isEqualTo("{\"sequence\":6,\"type\":\"transfer.claimed\","
                    + "\"occurredAt\":\"2026-01-02T03:04:11.000Z\",\"actor\":\"" + Fixtures.BOB_KEY + "\","
                    + "\"subject\":\"transfer-0000000001\",\"clientAddress\":\"192.0.2.7\",\"attributes\":{\"chunks\":\"4\"},"
                    + "\"previousHash\":\"" + "0".repeat(63) + "5\",\"hash\":\"" + "0".repeat(63) + "6\"}");
        }

        @Test
        void refusesAnUnknownTypeAndATimeThatIsNoTimestamp() {
            assertThat(asAdmin("GET", "/v1/admin/audit?type=transfer.stolen", null).statusCode()).isEqualTo(422);
            assertThat(asAdmin("GET", "/v1/admin/audit?from=yesterday", null).statusCode()).isEqualTo(400);
            verifyNoInteractions(uses.queryAuditLog);
        }

        @Test
        void answersAConsumerServerWith403() {
            when(uses.queryAuditLog.query(any(), any())).thenThrow(new SignalingException(
                    ErrorCode.FEATURE_NOT_IN_EDITION, "the audit log is an Enterprise feature"));

            HttpResponse<String> response = asAdmin("GET", "/v1/admin/audit", null);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("feature_not_in_edition");
        }

        @Test
        void verifiesTheChain() {
            when(uses.verifyAuditLog.verify(FakeAdminGate.OPS))
                    .thenReturn(new VerifyAuditLog.Verification(12, OptionalLong.empty(), Optional.empty()))
                    .thenReturn(new VerifyAuditLog.Verification(7, OptionalLong.of(7), Optional.of("hash does not match")));

            assertThat(asAdmin("GET", "/v1/admin/audit/verify", null).body())
                    .isEqualTo("{\"intact\":true,\"entriesChecked\":12}");
            assertThat(asAdmin("GET", "/v1/admin/audit/verify", null).body()).isEqualTo(
                    "{\"intact\":false,\"entriesChecked\":7,\"firstBrokenSequence\":7,\"problem\":\"hash does not match\"}");
        }
    }

    @Nested
    class Exporting {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private HttpRequest export(String query) {
            return running.request("/v1/admin/audit/export" + query).header("Authorization", ADMIN_BEARER).GET().build();
        }

        private void pages(Map<Long, AuditPage> byAfter) {
            when(uses.queryAuditLog.query(any(), any())).thenAnswer(invocation ->
                    byAfter.get(invocation.<AuditQuery>getArgument(1).afterSequence()));
        }

        @Test
        void writesEveryPageAsJsonLinesInSequenceOrder() throws Exception {
            pages(Map.of(0L, page(1, 2, OptionalLong.of(2)), 2L, page(3, 4, OptionalLong.of(4)),
                    4L, page(5, 5, OptionalLong.empty())));

            HttpResponse<String> response = client.send(export("?type=transfer.claimed"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            assertThat(response.body()).endsWith("\n");
            List<JsonNode> lines = response.body().lines().map(RunningServer::json).toList();
            assertThat(lines).extracting(line -> line.path("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
            verify(uses.queryAuditLog).query(any(), argThat(query -> query.afterSequence() == 4
                    && query.limit() == AuditEndpoints.EXPORT_PAGE_SIZE
                    && query.types().equals(Set.of(AuditEventType.TRANSFER_CLAIMED))));
        }

        @Test
        void sendsEachPageBeforeAskingForTheNext() throws Exception {
            CountDownLatch firstPageRead = new CountDownLatch(1);
            AtomicBoolean askedAfterTheClientHadTheFirstPage = new AtomicBoolean();
            when(uses.queryAuditLog.query(any(), any())).thenAnswer(invocation -> {
                long after = invocation.<AuditQuery>getArgument(1).afterSequence();
                if (after == 0) {
                    return page(1, 2, OptionalLong.of(2));
                }
                askedAfterTheClientHadTheFirstPage.set(firstPageRead.await(10, TimeUnit.SECONDS));
                return page(3, 3, OptionalLong.empty());
            });

            HttpResponse<Stream<String>> response = client.send(export(""), HttpResponse.BodyHandlers.ofLines());
            Iterator<String> lines = response.body().iterator();
            assertThat(RunningServer.json(lines.next()).path("sequence").asLong()).isEqualTo(1);
            assertThat(RunningServer.json(lines.next()).path("sequence").asLong()).isEqualTo(2);
            firstPageRead.countDown();

            assertThat(RunningServer.json(lines.next()).path("sequence").asLong()).isEqualTo(3);
            assertThat(lines.hasNext()).isFalse();
            assertThat(askedAfterTheClientHadTheFirstPage).isTrue();
        }

        @Test
        void cutsTheResponseWhenALaterPageFails() {
            when(uses.queryAuditLog.query(any(), any()))
                    .thenReturn(page(1, 2, OptionalLong.of(2)))
                    .thenThrow(new SignalingException(ErrorCode.SERVICE_UNAVAILABLE, "the store does not answer"));

            assertThatThrownBy(() -> client.send(export(""), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }

        @Test
        void answersARefusalBeforeTheFirstLineAsAProblem() {
            when(uses.queryAuditLog.query(any(), any())).thenThrow(new SignalingException(
                    ErrorCode.FEATURE_NOT_IN_EDITION, "the audit log is an Enterprise feature"));

            HttpResponse<String> response = running.send(export(""));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
