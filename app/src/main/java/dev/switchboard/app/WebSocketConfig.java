package dev.switchboard.app;

import dev.switchboard.adapter.http.WebSocketSettings;
import java.util.Objects;

/** Heartbeats and limits of {@code GET /v1/ws}; defaults are {@link WebSocketSettings#defaults()}'s. */
public record WebSocketConfig(WebSocketSettings settings) {
    private static final String PING = "SWITCHBOARD_WS_PING_INTERVAL_SECONDS";
    private static final String IDLE = "SWITCHBOARD_WS_IDLE_TIMEOUT_SECONDS";
    private static final long ONE_HOUR = 3600;

    public WebSocketConfig {
        Objects.requireNonNull(settings, "settings");
    }

    static WebSocketConfig read(SettingsReader settings) {
        WebSocketSettings defaults = WebSocketSettings.defaults();
        var ping = settings.seconds(PING, defaults.pingInterval().toSeconds(), 1, ONE_HOUR);
        var idle = settings.seconds(IDLE, defaults.idleTimeout().toSeconds(), 1, ONE_HOUR);
        var keepAlive = settings.seconds("SWITCHBOARD_WS_KEEP_ALIVE_INTERVAL_SECONDS",
                defaults.keepAliveInterval().toSeconds(), 1, ONE_HOUR);
        int maxFrameBytes = (int) settings.integer("SWITCHBOARD_WS_MAX_FRAME_BYTES",
                defaults.maxFrameBytes(), 1024, 16 * 1024 * 1024);
        int framesPerSecond = (int) settings.integer("SWITCHBOARD_WS_FRAMES_PER_SECOND",
                defaults.framesPerSecond(), 1, 100_000);
        int burst = (int) settings.integer("SWITCHBOARD_WS_FRAME_BURST", defaults.frameBurst(), 1, 100_000);
        int malformed = (int) settings.integer("SWITCHBOARD_WS_MAX_MALFORMED_FRAMES",
                defaults.maxMalformedFrames(), 1, 10_000);
        int perAddress = (int) settings.integer("SWITCHBOARD_WS_MAX_CONNECTIONS_PER_ADDRESS",
                defaults.maxConnectionsPerAddress(), 1, 1_000_000);
        if (ping.compareTo(idle) >= 0) {
            settings.problem(PING + " (" + ping.toSeconds() + ") must be shorter than " + IDLE + " ("
                    + idle.toSeconds() + "), or clients that answer every ping would time out");
            // The stand-in only completes the record tree; the problem stops start-up.
            return new WebSocketConfig(defaults);
        }
        return new WebSocketConfig(new WebSocketSettings(
                ping, idle, keepAlive, maxFrameBytes, framesPerSecond, burst, malformed, perAddress));
    }
}
