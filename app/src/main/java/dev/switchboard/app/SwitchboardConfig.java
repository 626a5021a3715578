package dev.switchboard.app;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything the application is configured with, read once at start-up. Every key and its default is
 * listed in {@code docs/configuration.md}.
 */
public record SwitchboardConfig(HttpConfig http, SigningConfig signing, OfferConfig offers, StoreConfig store) {

    public SwitchboardConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(offers, "offers");
        Objects.requireNonNull(store, "store");
    }

    /**
     * Reads the configuration from environment variables ({@code SWITCHBOARD_HTTP_PORT}) and the matching
     * system properties ({@code switchboard.http.port}), which take precedence.
     *
     * @throws InvalidConfigurationException listing every problem found, not just the first
     */
    public static SwitchboardConfig from(Map<String, String> environment, Properties systemProperties) {
        SettingsReader settings = new SettingsReader(environment, systemProperties);
        SwitchboardConfig config = new SwitchboardConfig(
                HttpConfig.read(settings),
                SigningConfig.read(settings),
                OfferConfig.read(settings),
                StoreConfig.read(settings));
        if (config.store.kind().durable() && config.signing.masterKeys().isEmpty()) {
            settings.problem(SigningConfig.MASTER_KEY, "is required with the "
                    + config.store.kind().configName() + " store, or stored credentials would become unreadable");
        }
        settings.reportUnknownKeys();
        if (!settings.problems().isEmpty()) {
            throw new InvalidConfigurationException(settings.problems());
        }
        return config;
    }

    /** The configuration of the current process. */
    public static SwitchboardConfig fromProcess() {
        return from(System.getenv(), System.getProperties());
    }
}
