package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** Enterprise without an admin credential: the device registry works, the admin routes do not exist. */
@OnEveryStore
class AdminOffTest {

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Enterprise.withoutAdmin());

    @Test
    void answersEveryAdminRouteLikeAnUnknownPath() {
        AdminClient admin = AdminClient.of(SWITCHBOARD.api());
        ApiResponse unknown = SWITCHBOARD.api().get("/v1/no-such-thing");

        for (ApiResponse refused : List.of(admin.get("/v1/admin/devices"), admin.get("/v1/admin/audit/verify"),
                admin.approve("laptop"), SWITCHBOARD.api().get("/v1/admin/audit"))) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(404);
            assertThat(refused.code()).isEqualTo(unknown.code());
        }
        assertThat(SWITCHBOARD.api().get("/v1/edition").json().path("adminEnabled").asBoolean()).isFalse();
    }

    @Test
    void stillRegistersDevices() {
        ApiResponse registered = DeviceRegistryTest.register(SWITCHBOARD.api().newEd25519Peer(),
                DeviceRegistryTest.newDeviceId(), java.util.Map.of());

        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        assertThat(registered.json().path("status").asText()).isEqualTo("pending");
    }
}
