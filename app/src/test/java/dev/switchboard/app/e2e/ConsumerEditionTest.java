package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The default edition: it says what it offers, and refuses what only Enterprise does, on every store. */
@OnEveryStore
class ConsumerEditionTest {

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    @Test
    void describesTheConsumerEditionWithoutDevicesAuditOrAdmin() {
        ApiResponse edition = SWITCHBOARD.api().get("/v1/edition");

        assertThat(edition.status()).isEqualTo(200);
        assertThat(edition.json().path("edition").asText()).isEqualTo("consumer");
        assertThat(Json.elements(edition.json().path("features")).stream().map(JsonNode::asText))
                .containsExactly("offers", "pairing", "transfer-relay");
        assertThat(edition.json().path("adminEnabled").asBoolean()).isFalse();
    }

    @Test
    void refusesEveryDeviceRouteAsNotInThisEdition() {
        Peer peer = SWITCHBOARD.api().newEd25519Peer();
        Map<String, Object> device = Map.of("deviceId", "laptop", "displayName", "Laptop",
                "publicKey", "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs");

        List<ApiResponse> refusals = List.of(
                peer.post("/v1/devices", device),
                peer.get("/v1/devices"),
                peer.call("PATCH", "/v1/devices/laptop").json(Map.of("displayName", "Other")).send(),
                peer.delete("/v1/devices/laptop"));

        for (ApiResponse refused : refusals) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("feature_not_in_edition");
        }
    }

    /** No admin credential can be configured on Consumer (start-up refuses one), so the admin surface is absent. */
    @Test
    void hasNoAdminRoutes() {
        AdminClient admin = new AdminClient(SWITCHBOARD.api(), Enterprise.ADMIN_TOKEN);

        for (String path : List.of("/v1/admin/devices", "/v1/admin/audit", "/v1/admin/audit/export",
                "/v1/admin/audit/verify")) {
            ApiResponse refused = admin.get(path);
            assertThat(refused.status()).as("%s: %s", path, refused).isEqualTo(404);
        }
        assertThat(admin.approve("laptop").status()).isEqualTo(404);
        assertThat(admin.revoke("laptop", "lost").status()).isEqualTo(404);
    }

    @Test
    void keepsTheTransferRelay() {
        Api api = SWITCHBOARD.api();
        RelayClient.Created transfer = RelayClient.withNewKey(api).create(1, 16);

        assertThat(RelayClient.withNewKey(api).tryClaim(transfer.code()).status()).isEqualTo(200);
    }
}
