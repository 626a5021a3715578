package dev.switchboard.app.e2e;

import dev.switchboard.app.StoreKind;
import dev.switchboard.app.Switchboard;
import dev.switchboard.app.SwitchboardConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The real application, configured the way an operator would, on a free loopback port until closed. */
final class StartedSwitchboard implements AutoCloseable {
    /**
     * Settings every end-to-end test shares; limits are lowered so tests can reach them cheaply. Every test client
     * calls from 127.0.0.1, and the PostgreSQL suites share one database, so the per-address transfer limits are
     * raised out of reach, and the rate limits are off (a suite issues many credentials from one address, and the
     * PostgreSQL suites share one budget through the database): the suites that prove them set their own.
     */
    static final Map<String, String> TEST_SETTINGS = Map.ofEntries(
            Map.entry("SWITCHBOARD_HTTP_HOST", "127.0.0.1"),
            Map.entry("SWITCHBOARD_HTTP_PORT", "0"),
            Map.entry("SWITCHBOARD_PEERJS_PORT", "0"),
            Map.entry("SWITCHBOARD_MASTER_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
            Map.entry("SWITCHBOARD_SIGNING_KEY", "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677"),
            Map.entry("SWITCHBOARD_OFFER_TTL_MIN_SECONDS", "1"),
            Map.entry("SWITCHBOARD_MAX_CANDIDATES_PER_SIDE", "5"),
            Map.entry("SWITCHBOARD_MAX_REQUEST_BYTES", String.valueOf(1024 * 1024)),
            Map.entry("SWITCHBOARD_TRANSFER_MAX_LIVE_PER_ADDRESS", "100000"),
            Map.entry("SWITCHBOARD_TRANSFER_CLAIM_FAILURE_BUDGET", "10000"),
            Map.entry("SWITCHBOARD_RATE_LIMIT_API_PER_ADDRESS", "off"),
            Map.entry("SWITCHBOARD_RATE_LIMIT_API_PER_IDENTITY", "off"),
            Map.entry("SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS", "off"),
            Map.entry("SWITCHBOARD_RATE_LIMIT_WS_CONNECTS_PER_ADDRESS", "off"),
            Map.entry("SWITCHBOARD_RATE_LIMIT_WS_MESSAGES_PER_IDENTITY", "off"));

    private final Switchboard switchboard;
    private final Api api;

    private StartedSwitchboard(SwitchboardConfig config) {
        this.switchboard = Switchboard.start(config);
        this.api = new Api(switchboard.httpPort());
    }

    /** On {@code store} (PostgreSQL: the shared test database) with the test settings, some replaced or added. */
    static StartedSwitchboard start(StoreKind store, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(switch (store) {
            case MEMORY -> Map.<String, String>of();
            case POSTGRES -> TestDatabase.switchboardSettings(TestDatabase.shared());
        });
        settings.putAll(overrides);
        return start(settings);
    }

    /** With the test settings, some replaced or added (the store among them). */
    static StartedSwitchboard start(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(TEST_SETTINGS);
        settings.putAll(overrides);
        return new StartedSwitchboard(SwitchboardConfig.from(settings, new Properties()));
    }

    Api api() {
        return api;
    }

    int port() {
        return switchboard.httpPort();
    }

    /** The port of the PeerJS endpoint, which the test settings put on a free port too. */
    int peerJsPort() {
        return switchboard.peerJsPort().orElseThrow();
    }

    @Override
    public void close() {
        switchboard.close();
    }
}
