package dev.switchboard.e2e.browser;

import dev.switchboard.app.Switchboard;
import dev.switchboard.app.SwitchboardConfig;
import java.util.Map;
import java.util.Properties;

/**
 * The real application on the in-memory store, configured as an operator would, with its HTTP API and its
 * PeerJS endpoint each on a free loopback port; the PeerJS options keep {@code peer}'s defaults (key {@code peerjs},
 * path {@code /}).
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
        return new LocalSwitchboard(Switchboard.start(SwitchboardConfig.from(SETTINGS, new Properties())));
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
