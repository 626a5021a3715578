package dev.switchboard.app.e2e;

import dev.switchboard.app.Switchboard;
import dev.switchboard.app.SwitchboardConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real application, configured the way an operator would, on a free loopback port for the
 * tests of one class. Register it as a {@code static} field with {@code @RegisterExtension}. JUnit also
 * calls it around each {@code @Nested} class, so it counts how deep it is and starts and stops once.
 */
final class RunningSwitchboard implements BeforeAllCallback, AfterAllCallback {
    /** Settings every end-to-end test shares; limits are lowered so tests can reach them cheaply. */
    static final Map<String, String> TEST_SETTINGS = Map.of(
            "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
            "SWITCHBOARD_HTTP_PORT", "0",
            "SWITCHBOARD_MASTER_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            "SWITCHBOARD_OFFER_TTL_MIN_SECONDS", "1",
            "SWITCHBOARD_MAX_CANDIDATES_PER_SIDE", "5",
            "SWITCHBOARD_MAX_REQUEST_BYTES", String.valueOf(1024 * 1024));

    private final Map<String, String> settings;
    private int depth;
    private Switchboard switchboard;
    private Api api;

    private RunningSwitchboard(Map<String, String> settings) {
        this.settings = settings;
    }

    static RunningSwitchboard withTestSettings() {
        return withTestSettingsAnd(Map.of());
    }

    /** The shared test settings, some of them replaced or added. */
    static RunningSwitchboard withTestSettingsAnd(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(TEST_SETTINGS);
        settings.putAll(overrides);
        return new RunningSwitchboard(Map.copyOf(settings));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            switchboard = Switchboard.start(SwitchboardConfig.from(settings, new Properties()));
            api = new Api(switchboard.httpPort());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--depth == 0) {
            switchboard.close();
        }
    }

    Api api() {
        return api;
    }
}
