package dev.switchboard.app;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the application is configured with, read once at start-up. Every key and its default is
 * listed in {@code docs/configuration.md}.
 */
public record SwitchboardConfig(
        HttpConfig http,
        SigningConfig signing,
        OfferConfig offers,
        PairingConfig pairing,
        TransferConfig transfers,
        EditionConfig edition,
        StoreConfig store,
        RateLimitConfig rateLimits,
        MetricsConfig metrics,
        PeerJsConfig peerJs) {

    public SwitchboardConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(offers, "offers");
        Objects.requireNonNull(pairing, "pairing");
        Objects.requireNonNull(transfers, "transfers");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(peerJs, "peerJs");
    }

    /**
     * Reads the configuration to serve with from environment variables ({@code SWITCHBOARD_HTTP_PORT}) and the
     * matching system properties ({@code switchboard.http.port}), which take precedence.
     *
     * @throws InvalidConfigurationException listing every problem found, not just the first
     */
    public static SwitchboardConfig from(Map<String, String> environment, Properties systemProperties) {
        return read(environment, systemProperties, Command.SERVE);
    }

    /** The configuration of the current process. */
    public static SwitchboardConfig fromProcess() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * Reads the configuration the {@code rotate-keys} command works with: as for serving, and a current
     * {@code SWITCHBOARD_MASTER_KEY} is required whatever the store (it is the key secrets are re-encrypted to).
     *
     * @throws InvalidConfigurationException listing every problem found, not just the first
     */
    public static SwitchboardConfig forKeyRotation(Map<String, String> environment, Properties systemProperties) {
        return read(environment, systemProperties, Command.ROTATE_KEYS);
    }

    /**
     * Reads the database the {@code migrate} command works on. Every setting is checked as for serving, except
     * that no master key is needed (migrating opens no credential, so a migration job need not hold it) and
     * that the store must be postgres.
     *
     * @throws InvalidConfigurationException listing every problem found, not just the first
     */
    public static DatabaseConfig databaseFrom(Map<String, String> environment, Properties systemProperties) {
        return read(environment, systemProperties, Command.MIGRATE).store().database().orElseThrow();
    }

    private static SwitchboardConfig read(
            Map<String, String> environment, Properties systemProperties, Command command) {
        SettingsReader settings = new SettingsReader(environment, systemProperties);
        HttpConfig http = HttpConfig.read(settings);
        SwitchboardConfig config = new SwitchboardConfig(
                http,
                SigningConfig.read(settings),
                OfferConfig.read(settings),
                PairingConfig.read(settings),
                TransferConfig.read(settings, StoreConfig.requested(settings), Runtime.getRuntime().maxMemory()),
                EditionConfig.read(settings),
                StoreConfig.read(settings, command),
                RateLimitConfig.read(settings),
                MetricsConfig.read(settings),
                PeerJsConfig.read(settings, http));
        checkWithTheDomainsRules(settings, config);
        Optional<StoreKind> durable = StoreConfig.requested(settings).filter(StoreKind::durable);
        if (command == Command.ROTATE_KEYS && settings.raw(SigningConfig.MASTER_KEY).isEmpty()) {
            settings.problem(SigningConfig.MASTER_KEY, "is required to rotate keys: it is the key every stored "
                    + "secret is re-encrypted to (the old keys go in " + SigningConfig.RETIRED_MASTER_KEYS + ")");
        }
        // Only a key not given at all: a malformed one is reported as such already.
        if (command != Command.MIGRATE && durable.isPresent() && settings.raw(SigningConfig.MASTER_KEY).isEmpty()
                && command != Command.ROTATE_KEYS) {
            settings.problem(SigningConfig.MASTER_KEY, "is required with the " + durable.get().configName() + " store: "
                    + "with a key for this run only, stored credentials would be unreadable after a restart");
        }
        if (command != Command.MIGRATE && durable.isPresent() && settings.raw(PairingConfig.SIGNING_KEY).isEmpty()) {
            settings.problem(PairingConfig.SIGNING_KEY, "is required with the " + durable.get().configName()
                    + " store: every instance sharing the database must sign invite tokens and tickets with the "
                    + "same key, and they must survive a restart");
        }
        settings.reportUnknownKeys();
        if (!settings.problems().isEmpty()) {
            throw new InvalidConfigurationException(settings.problems());
        }
        return config;
    }

    /**
     * The policies check their own invariants too; a combination the sections did not catch is reported like any
     * other problem rather than failing later, at start-up, with status 1. Only once the sections found nothing:
     * the stand-ins of invalid settings would otherwise be reported a second time.
     */
    private static void checkWithTheDomainsRules(SettingsReader settings, SwitchboardConfig config) {
        if (!settings.problems().isEmpty()) {
            return;
        }
        try {
            config.transfers().policy(TransferConfig.placeholderKey());
        } catch (IllegalArgumentException e) {
            settings.problem("SWITCHBOARD_TRANSFER_*: " + e.getMessage());
        }
        try {
            config.edition().policy();
        } catch (IllegalArgumentException e) {
            settings.problem("SWITCHBOARD_DEVICE_*: " + e.getMessage());
        }
        try {
            config.peerJs().policy();
        } catch (IllegalArgumentException e) {
            settings.problem("SWITCHBOARD_PEERJS_*: " + e.getMessage());
        }
    }
}
