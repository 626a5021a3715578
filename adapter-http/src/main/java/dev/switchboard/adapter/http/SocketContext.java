package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.WatchEvents;
import java.util.concurrent.Executor;

/**
 * What every WebSocket connection of a server shares: its settings, the use cases, the server's pools, and
 * the edge's rate limits and meters.
 */
record SocketContext(
        WebSocketSettings settings,
        PairingUseCases pairing,
        WatchEvents watchEvents,
        PollEvents pollEvents,
        WireJson json,
        FlatJsonReader frameReader,
        Executor worker,
        OpenSockets sockets,
        EdgeServices edge) {

    SocketContext(WebSocketSettings settings, PairingUseCases pairing, WatchEvents watchEvents,
            PollEvents pollEvents, WireJson json, int maxJsonDepth, Executor worker, OpenSockets sockets,
            EdgeServices edge) {
        this(settings, pairing, watchEvents, pollEvents, json,
                new FlatJsonReader(WireJson.strictFactory(settings.maxFrameBytes(), maxJsonDepth), "the frame",
                        ClientFrames.FIELDS),
                worker, sockets, edge);
    }
}
