package dev.switchboard.app;

import dev.switchboard.domain.EnterprisePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The rules of the Enterprise device registry.
 *
 * @param maxDevicesPerIdentity devices one identity may register
 * @param maxPublicKeyBytes     the largest device public key accepted
 * @param maxDisplayNameLength  the longest display name, in characters
 * @param defaultTtl            life of a registration made without a TTL
 * @param maxTtl                longest life of a registration
 */
public record DeviceConfig(
        int maxDevicesPerIdentity, int maxPublicKeyBytes, int maxDisplayNameLength, Duration defaultTtl,
        Duration maxTtl) {
    static final String MAX_PER_IDENTITY = "SWITCHBOARD_DEVICE_MAX_PER_IDENTITY";
    static final String MAX_PUBLIC_KEY_BYTES = "SWITCHBOARD_DEVICE_MAX_PUBLIC_KEY_BYTES";
    static final String MAX_DISPLAY_NAME_LENGTH = "SWITCHBOARD_DEVICE_MAX_DISPLAY_NAME_LENGTH";
    static final String TTL_DEFAULT = "SWITCHBOARD_DEVICE_TTL_DEFAULT_SECONDS";
    static final String TTL_MAX = "SWITCHBOARD_DEVICE_TTL_MAX_SECONDS";
    /** Every setting of this section. */
    static final List<String> KEYS =
            List.of(MAX_PER_IDENTITY, MAX_PUBLIC_KEY_BYTES, MAX_DISPLAY_NAME_LENGTH, TTL_DEFAULT, TTL_MAX);
    private static final long TEN_YEARS_SECONDS = 3650L * 24 * 3600;

    public DeviceConfig {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
    }

    /** The domain's documented defaults ({@link EnterprisePolicy#consumer()}'s device rules). */
    static DeviceConfig defaults() {
        EnterprisePolicy defaults = EnterprisePolicy.consumer();
        return new DeviceConfig(defaults.maxDevicesPerIdentity(), defaults.maxPublicKeyBytes(),
                defaults.maxDisplayNameLength(), defaults.defaultDeviceTtl(), defaults.maxDeviceTtl());
    }

    /** Reads the section; defaults are the domain's, bounds the policy's own. */
    static DeviceConfig read(SettingsReader settings) {
        DeviceConfig defaults = defaults();
        Duration fallback = settings.seconds(TTL_DEFAULT, defaults.defaultTtl().toSeconds(), 60, TEN_YEARS_SECONDS);
        Duration max = settings.seconds(TTL_MAX, defaults.maxTtl().toSeconds(), 60, TEN_YEARS_SECONDS);
        if (max.compareTo(fallback) < 0) {
            settings.problem(TTL_MAX + " (" + max.toSeconds() + ") must be at least " + TTL_DEFAULT + " ("
                    + fallback.toSeconds() + ")");
        }
        return new DeviceConfig(
                (int) settings.integer(MAX_PER_IDENTITY, defaults.maxDevicesPerIdentity(), 1, 10_000),
                (int) settings.integer(MAX_PUBLIC_KEY_BYTES, defaults.maxPublicKeyBytes(), 32, 65_536),
                (int) settings.integer(MAX_DISPLAY_NAME_LENGTH, defaults.maxDisplayNameLength(), 1, 1_000),
                fallback,
                max);
    }
}
