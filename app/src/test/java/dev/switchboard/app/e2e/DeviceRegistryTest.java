package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The Enterprise device registry: owners manage their own devices, admins review them, on every store. */
@OnEveryStore
class DeviceRegistryTest {

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Enterprise.withAdmin());

    static Api api() {
        return SWITCHBOARD.api();
    }

    /** A device id no other test (or earlier run on the shared database) uses. */
    static String newDeviceId() {
        return "laptop-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static String newPublicKey() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    static ApiResponse register(Peer owner, String deviceId, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "deviceId", deviceId, "displayName", "Work laptop", "publicKey", newPublicKey()));
        body.putAll(more);
        return owner.post("/v1/devices", body);
    }

    static JsonNode registered(Peer owner, String deviceId) {
        ApiResponse registered = register(owner, deviceId, Map.of());
        assertThat(registered.status()).as("register: %s", registered).isEqualTo(201);
        return registered.json();
    }

    static ApiResponse patch(Peer peer, String deviceId, Map<String, Object> changes) {
        return peer.call("PATCH", "/v1/devices/" + deviceId).json(changes).send();
    }

    static List<JsonNode> ownDevices(Peer peer) {
        ApiResponse listed = peer.get("/v1/devices");
        assertThat(listed.status()).as("list: %s", listed).isEqualTo(200);
        return Json.elements(listed.json().path("devices"));
    }

    static JsonNode find(List<JsonNode> devices, String deviceId) {
        return devices.stream().filter(device -> device.path("deviceId").asText().equals(deviceId)).findFirst()
                .orElseThrow(() -> new AssertionError(deviceId + " is not in " + devices));
    }

    @Test
    void describesTheEnterpriseEditionWithEveryFeatureAndAdmin() {
        JsonNode edition = api().get("/v1/edition").json();

        assertThat(edition.path("edition").asText()).isEqualTo("enterprise");
        assertThat(Json.elements(edition.path("features")).stream().map(JsonNode::asText)).containsExactly(
                "offers", "pairing", "transfer-relay", "device-registry", "audit-log");
        assertThat(edition.path("adminEnabled").asBoolean()).isTrue();
    }

    @Nested
    class AnOwner {
        private final Peer owner = api().newEd25519Peer();
        private final String deviceId = newDeviceId();

        @Test
        void registersAPendingDeviceWithAnOnionEndpointAndListsIt() {
            ApiResponse registered = register(owner, deviceId,
                    Map.of("onion", Map.of("address", Enterprise.ONION, "port", 443)));

            assertThat(registered.status()).as("%s", registered).isEqualTo(201);
            JsonNode device = find(ownDevices(owner), deviceId);
            assertThat(device.path("status").asText()).isEqualTo("pending");
            assertThat(device.path("owner").asText()).isEqualTo(owner.keyId());
            assertThat(device.path("onion").path("address").asText()).isEqualTo(Enterprise.ONION);
            assertThat(device.path("onion").path("port").asInt()).isEqualTo(443);
        }

        @Test
        void updatesItsOwnDevice() {
            registered(owner, deviceId);

            ApiResponse updated = patch(owner, deviceId, Map.of("displayName", "Home laptop"));

            assertThat(updated.status()).as("%s", updated).isEqualTo(200);
            assertThat(find(ownDevices(owner), deviceId).path("displayName").asText()).isEqualTo("Home laptop");
        }

        @Test
        void removesItsOwnDevice() {
            registered(owner, deviceId);

            assertThat(owner.delete("/v1/devices/" + deviceId).status()).isEqualTo(204);
            assertThat(ownDevices(owner)).noneMatch(device -> device.path("deviceId").asText().equals(deviceId));
        }

        @Test
        void cannotTakeAnIdAnotherDeviceHolds() {
            registered(owner, deviceId);

            ApiResponse taken = register(api().newEd25519Peer(), deviceId, Map.of());

            assertThat(taken.status()).as("%s", taken).isEqualTo(409);
            assertThat(taken.code()).isEqualTo("device_id_taken");
        }
    }

    @Nested
    class AnotherIdentity {
        private final Peer owner = api().newEd25519Peer();
        private final Peer stranger = api().newEd25519Peer();
        private final String deviceId = newDeviceId();

        @Test
        void neitherSeesNorChangesNorRemovesSomeoneElsesDevice() {
            registered(owner, deviceId);

            ApiResponse changed = patch(stranger, deviceId, Map.of("displayName", "mine now"));
            ApiResponse removed = stranger.delete("/v1/devices/" + deviceId);

            assertThat(ownDevices(stranger)).isEmpty();
            assertThat(changed.status()).as("%s", changed).isEqualTo(403);
            assertThat(changed.code()).isEqualTo("not_device_owner");
            assertThat(removed.status()).as("%s", removed).isEqualTo(403);
            assertThat(find(ownDevices(owner), deviceId).path("displayName").asText()).isEqualTo("Work laptop");
        }
    }

    @Nested
    class AnAdmin {
        private final Peer owner = api().newEd25519Peer();
        private final String deviceId = newDeviceId();
        private final AdminClient admin = AdminClient.of(api());

        @Test
        void approvesADevice() {
            registered(owner, deviceId);

            ApiResponse approved = admin.approve(deviceId);

            assertThat(approved.status()).as("%s", approved).isEqualTo(200);
            JsonNode device = find(ownDevices(owner), deviceId);
            assertThat(device.path("status").asText()).isEqualTo("approved");
            assertThat(device.path("reviewedBy").asText()).startsWith("admin:");
        }

        @Test
        void revokesADeviceForGoodAndItStaysListedAsRevoked() {
            registered(owner, deviceId);

            ApiResponse revoked = admin.revoke(deviceId, "laptop reported stolen");

            assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
            JsonNode device = find(ownDevices(owner), deviceId);
            assertThat(device.path("status").asText()).isEqualTo("revoked");
            assertThat(device.path("revocationReason").asText()).isEqualTo("laptop reported stolen");
            ApiResponse ownerChange = patch(owner, deviceId, Map.of("displayName", "not stolen"));
            assertThat(ownerChange.status()).as("%s", ownerChange).isEqualTo(409);
            assertThat(ownerChange.code()).isEqualTo("device_revoked");
            assertThat(admin.approve(deviceId).code()).isEqualTo("device_revoked");
            assertThat(find(ownDevices(owner), deviceId).path("status").asText()).isEqualTo("revoked");
        }

        @Test
        void listsAnyOwnersDevicesByStatus() {
            registered(owner, deviceId);
            String other = newDeviceId();
            registered(owner, other);
            admin.approve(other);

            ApiResponse pending = admin.get("/v1/admin/devices?owner=" + owner.keyId() + "&status=pending");

            assertThat(pending.status()).as("%s", pending).isEqualTo(200);
            assertThat(Json.texts(pending.json().path("devices"), "deviceId")).containsExactly(deviceId);
        }

        @Test
        void mayAlsoSignWithAConfiguredAdminKey() {
            registered(owner, deviceId);
            Peer signingAdmin = new Peer(api(), Enterprise.ADMIN_KEY);

            ApiResponse listed = signingAdmin.get("/v1/admin/devices?owner=" + owner.keyId());

            assertThat(listed.status()).as("%s", listed).isEqualTo(200);
            assertThat(Json.texts(listed.json().path("devices"), "deviceId")).containsExactly(deviceId);
        }
    }

    @Nested
    class WithoutTheAdminCredential {
        @Test
        void refusesTheAdminRoutesWithAChallenge() {
            ApiResponse anonymous = api().get("/v1/admin/devices");
            ApiResponse wrongToken = new AdminClient(api(), "x".repeat(48)).get("/v1/admin/devices");
            ApiResponse aUsersSignature = api().newEd25519Peer().get("/v1/admin/audit");

            for (ApiResponse refused : List.of(anonymous, wrongToken, aUsersSignature)) {
                assertThat(refused.status()).as("%s", refused).isEqualTo(401);
                assertThat(refused.code()).isEqualTo("admin_required");
                assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            }
        }
    }
}
