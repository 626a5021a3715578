package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The Enterprise audit log as an admin reads, exports and verifies it, on every store. */
@OnEveryStore
class AuditLogTest {

    @Parameter
    StoreKind store;

    /** Its own schema: the assertions cover the whole log, which other suites would add to. */
    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.inOwnSchemaWith(Enterprise.withAdmin());

    static Api api() {
        return SWITCHBOARD.api();
    }

    static String registerDevice(Peer owner) {
        String deviceId = DeviceRegistryTest.newDeviceId();
        assertThat(DeviceRegistryTest.register(owner, deviceId, Map.of()).status()).isEqualTo(201);
        return deviceId;
    }

    /** Every entry the query names, following {@code nextAfter} a page of {@code limit} at a time. */
    static List<JsonNode> allPages(AdminClient admin, String query, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        OptionalLong after = OptionalLong.of(0);
        while (after.isPresent()) {
            ApiResponse page = admin.get("/v1/admin/audit?" + query + "&limit=" + limit + "&after=" + after.getAsLong());
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            List<JsonNode> pageEntries = Json.elements(page.json().path("entries"));
            assertThat(pageEntries).hasSizeLessThanOrEqualTo(limit);
            entries.addAll(pageEntries);
            JsonNode next = page.json().path("nextAfter");
            after = next.isNumber() ? OptionalLong.of(next.asLong()) : OptionalLong.empty();
        }
        return entries;
    }

    static String instant(Instant at) {
        return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void findsEntriesOfATypeAPageAtATime() {
        Peer owner = api().newEd25519Peer();
        List<String> registered = List.of(registerDevice(owner), registerDevice(owner), registerDevice(owner));
        AdminClient.of(api()).approve(registered.get(0));

        List<JsonNode> entries = allPages(AdminClient.of(api()), "type=device.registered", 1);

        assertThat(entries).allSatisfy(entry -> assertThat(entry.path("type").asText()).isEqualTo("device.registered"));
        assertThat(entries.stream().map(entry -> entry.path("subject").asText())).containsAll(registered);
        assertThat(entries.stream().map(entry -> entry.path("sequence").asLong()).toList()).isSorted()
                .doesNotHaveDuplicates();
        assertThat(entries).filteredOn(entry -> registered.contains(entry.path("subject").asText()))
                .allSatisfy(entry -> assertThat(entry.path("actor").asText()).isEqualTo(owner.keyId()));
    }

    @Test
    void findsEntriesWithinATimeRange() throws InterruptedException {
        Instant before = Instant.now().minusMillis(5);
        Thread.sleep(10);
        Peer owner = api().newEd25519Peer();
        String deviceId = registerDevice(owner);
        Thread.sleep(10);
        Instant after = Instant.now();

        List<JsonNode> within = allPages(AdminClient.of(api()), "from=" + instant(before) + "&to=" + instant(after), 100);
        List<JsonNode> later = allPages(AdminClient.of(api()),
                "from=" + instant(after.plus(Duration.ofHours(1))), 100);

        assertThat(within).extracting(entry -> entry.path("subject").asText()).contains(deviceId);
        assertThat(within).allSatisfy(entry -> assertThat(Instant.parse(entry.path("occurredAt").asText()))
                .isBetween(before, after));
        assertThat(later).isEmpty();
    }

    @Test
    void exportsAChainedLogThatHoldsNoTokensVerifiersCodesOrPayload() {
        RelayClient sender = RelayClient.withNewKey(api());
        RelayClient receiver = RelayClient.withNewKey(api());
        String verifier = "verifier-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-secret";
        RelayClient.Created transfer = sender.create(Map.of("chunkCount", 1, "chunkSize", 64,
                "accessVerifier", verifier));
        ApiResponse claimed = receiver.tryClaim(transfer.code(), verifier);
        String receiverToken = claimed.json().path("receiverToken").asText();
        byte[] payload = new byte[64];
        ThreadLocalRandom.current().nextBytes(payload);
        sender.upload(transfer.transferId(), transfer.senderToken(), 0, payload);
        receiver.acknowledge(transfer.transferId(), receiverToken, 0);
        String deviceId = registerDevice(api().newEd25519Peer());
        AdminClient.of(api()).approve(deviceId);

        ApiResponse export = AdminClient.of(api()).get("/v1/admin/audit/export");

        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = export.body().lines().map(Json::parse).toList();
        String previous = "0".repeat(64);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).path("sequence").asLong()).isEqualTo(i + 1);
            assertThat(lines.get(i).path("previousHash").asText()).isEqualTo(previous);
            previous = lines.get(i).path("hash").asText();
        }
        assertThat(lines).extracting(line -> line.path("type").asText() + " " + line.path("subject").asText())
                .contains("transfer.created " + transfer.transferId(), "transfer.claimed " + transfer.transferId(),
                        "device.registered " + deviceId, "device.approved " + deviceId);
        assertThat(export.body())
                .doesNotContain(transfer.senderToken())
                .doesNotContain(receiverToken)
                .doesNotContain(verifier)
                .doesNotContain(transfer.code())
                .doesNotContain(Enterprise.ADMIN_TOKEN)
                .doesNotContain(Base64.getEncoder().encodeToString(payload))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(payload))
                .doesNotContain(HexFormat.of().formatHex(payload));
    }

    @Test
    void verifiesTheWholeChainAsIntact() {
        registerDevice(api().newEd25519Peer());
        long exported = AdminClient.of(api()).get("/v1/admin/audit/export").body().lines().count();

        ApiResponse verified = AdminClient.of(api()).get("/v1/admin/audit/verify");

        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        assertThat(verified.json().path("intact").asBoolean()).isTrue();
        assertThat(verified.json().path("entriesChecked").asLong()).isEqualTo(exported).isPositive();
        assertThat(verified.json().has("firstBrokenSequence")).isFalse();
    }
}
