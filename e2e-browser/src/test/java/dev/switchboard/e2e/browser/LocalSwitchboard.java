package dev.switchboard.e2e.browser;

import dev.switchboard.app.Switchboard;
import dev.switchboard.app.SwitchboardConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The real application, configured as an operator would, with its HTTP API and its PeerJS endpoint each on a free
 * loopback port: on the in-memory store unless told otherwise; the PeerJS options keep {@code peer}'s defaults (key
 * {@code peerjs}, path {@code /}).
 */
final class LocalSwitchboard implements AutoCloseable {
    private static final Map<String, String> SETTINGS = Map.of(
            "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
            "SWITCHBOARD_HTTP_PORT", "0",
            "SWITCHBOARD_PEERJS_PORT", "0",
            "SWITCHBOARD_MASTER_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            "SWITCHBOARD_SIGNING_KEY", "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677");

    private final Switchboard switchboard;

    private LocalSwitchboard(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    static LocalSwitchboard start() {
        return start(Map.of());
    }

    /** With {@code overrides} added to the settings, or replacing some (the store, for instance). */
    static LocalSwitchboard start(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.putAll(overrides);
        return new LocalSwitchboard(Switchboard.start(SwitchboardConfig.from(settings, new Properties())));
    }

    /** Where a browser reaches the HTTP API and the pages it serves: {@code http://127.0.0.1:<port>}. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + switchboard.httpPort());
    }

    /** The port browsers pass to {@code new Peer(id, {port})}. */
    int peerJsPort() {
        return switchboard.peerJsPort().orElseThrow(() -> new IllegalStateException("the PeerJS endpoint is off"));
    }

    @Override
    public void close() {
        switchboard.close();
    }
}
