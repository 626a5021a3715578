/**
 * Editions, the admin gate and the Enterprise device registry:
 * {@link dev.switchboard.domain.enterprise.EnterpriseServices} builds the use cases. Behind it,
 * {@code DescribeEditionService}, {@code AuthorizeAdminService} (bearer token by its SHA-256, or an admin
 * Ed25519 key id), one service per device use case ({@code RegisterDeviceService}, {@code UpdateDeviceService},
 * {@code RemoveDeviceService}, {@code ListDevicesService}, {@code ReviewDeviceService}) with
 * {@code DeviceRules}, and {@code EditionGuard}, which refuses every Enterprise-only call on a Consumer server
 * before anything else runs. Device changes are compare-and-set on the device's version, decided by the store.
 */
package dev.switchboard.domain.enterprise;
