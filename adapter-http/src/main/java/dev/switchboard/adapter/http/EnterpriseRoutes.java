package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.EnterpriseUseCases;
import java.util.List;
import java.util.Set;

/**
 * The edition route, the signed device registry routes and the admin routes ({@code /v1/admin/...}), each
 * bound to the use case it drives. On a Consumer server the device and audit use cases refuse with
 * {@code feature_not_in_edition}; without an admin credential the admin routes do not exist.
 */
final class EnterpriseRoutes {
    private static final String DEVICE = "/v1/devices/{deviceId}";
    private static final String ADMIN_DEVICE = "/v1/admin/devices/{deviceId}";

    private EnterpriseRoutes() {}

    static List<Route> create(EnterpriseUseCases enterprise, AdminAccess access, WireJson json) {
        var devices = new DeviceEndpoints(enterprise, json);
        var adminDevices = new AdminDeviceEndpoints(enterprise, access);
        var audit = new AuditEndpoints(enterprise.queryAuditLog(), enterprise.verifyAuditLog(), access, json,
                AuditEndpoints.EXPORT_PAGE_SIZE);
        return List.of(
                Route.open("GET", "/v1/edition", call -> Reply.ok(EditionJson.from(enterprise.describeEdition()
                        .describe()))),
                Route.signed("POST", "/v1/devices", devices::register).withJsonBody(),
                Route.signed("GET", "/v1/devices", devices::list).withQuery(Set.of("after", "limit")),
                Route.signed("PATCH", DEVICE, devices::update).withJsonBody(),
                Route.signed("DELETE", DEVICE, devices::remove),
                Route.admin("GET", "/v1/admin/devices", adminDevices::list).withQuery(AdminDeviceEndpoints.LIST_QUERY),
                Route.admin("POST", ADMIN_DEVICE + "/approve", adminDevices::approve),
                Route.admin("POST", ADMIN_DEVICE + "/revoke", adminDevices::revoke).withJsonBody(),
                Route.admin("DELETE", ADMIN_DEVICE, adminDevices::remove),
                Route.admin("GET", "/v1/admin/audit", audit::query)
                        .withQuery(AuditEndpoints.QUERY, AuditFilter.REPEATABLE),
                Route.admin("GET", "/v1/admin/audit/export", audit::export)
                        .withQuery(AuditFilter.NAMES, AuditFilter.REPEATABLE),
                Route.admin("GET", "/v1/admin/audit/verify", audit::verify));
    }
}
