package dev.switchboard.adapter.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the server treats WebSocket connections on {@code GET /v1/ws}: heartbeats, limits, and presence
 * refreshes. Every bound is checked here, and all violations are reported together.
 *
 * @param pingInterval             how often the server pings a connection
 * @param idleTimeout              a connection with no sign of life (frame or pong) for this long is closed
 *                                 with 1001; longer than {@code pingInterval}, so a live client always answers
 * @param keepAliveInterval        at most one {@code KeepAlive} per connection this often, however busy it is
 * @param maxFrameBytes            the largest message a client may send (bytes of UTF-8); larger is closed
 *                                 with 1009
 * @param framesPerSecond          the sustained rate of client messages a connection may send
 * @param frameBurst               how many messages a connection may send at once above that rate;
 *                                 beyond it the connection is closed with 1008
 * @param maxMalformedFrames       malformed frames (not JSON, unknown type or field) a connection may send
 *                                 before it is closed with 1008; each one before gets an error frame
 * @param maxConnectionsPerAddress open WebSockets one client address may hold in this process; beyond it
 *                                 the upgrade is refused with 429 {@code limit_reached}
 */
public record WebSocketSettings(
        Duration pingInterval,
        Duration idleTimeout,
        Duration keepAliveInterval,
        int maxFrameBytes,
        int framesPerSecond,
        int frameBurst,
        int maxMalformedFrames,
        int maxConnectionsPerAddress) {

    /** Frames are buffered whole; 16 MiB is far beyond any signal and still bounds one connection's memory. */
    static final int MAX_FRAME_LIMIT = 16 * 1024 * 1024;

    public WebSocketSettings {
        List<String> problems = new ArrayList<>();
        requirePositive(problems, "pingInterval", pingInterval);
        requirePositive(problems, "idleTimeout", idleTimeout);
        requirePositive(problems, "keepAliveInterval", keepAliveInterval);
        if (problems.isEmpty() && pingInterval.compareTo(idleTimeout) >= 0) {
            problems.add("pingInterval must be shorter than idleTimeout, or live clients would time out");
        }
        if (maxFrameBytes < 1024 || maxFrameBytes > MAX_FRAME_LIMIT) {
            problems.add("maxFrameBytes must be from 1024 to " + MAX_FRAME_LIMIT + ", was " + maxFrameBytes);
        }
        if (framesPerSecond < 1) {
            problems.add("framesPerSecond must be positive, was " + framesPerSecond);
        }
        if (frameBurst < 1) {
            problems.add("frameBurst must be positive, was " + frameBurst);
        }
        if (maxMalformedFrames < 1) {
            problems.add("maxMalformedFrames must be positive, was " + maxMalformedFrames);
        }
        if (maxConnectionsPerAddress < 1) {
            problems.add("maxConnectionsPerAddress must be positive, was " + maxConnectionsPerAddress);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid WebSocket settings: " + String.join("; ", problems));
        }
    }

    /**
     * Pings every 15 s and closes after 45 s of silence (three missed pongs); {@code KeepAlive} at most every
     * 10 s, well inside the default 45 s presence timeout; 96 KiB frames (a 64 KiB payload with room for its
     * envelope and escaping); 50 frames a second with bursts of 100; 10 malformed frames; 256 connections
     * per address, room for a NAT'd office.
     */
    public static WebSocketSettings defaults() {
        return new WebSocketSettings(Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofSeconds(10),
                96 * 1024, 50, 100, 10, 256);
    }

    /** These settings allowing {@code limit} connections per address instead, e.g. for a load test from one host. */
    public WebSocketSettings withMaxConnectionsPerAddress(int limit) {
        return new WebSocketSettings(pingInterval, idleTimeout, keepAliveInterval, maxFrameBytes, framesPerSecond,
                frameBurst, maxMalformedFrames, limit);
    }

    private static void requirePositive(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration, was " + value);
        }
    }
}
