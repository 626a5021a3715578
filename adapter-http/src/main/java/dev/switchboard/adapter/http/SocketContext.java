package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.WatchEvents;
import java.util.concurrent.Executor;

/** What every WebSocket connection of a server shares: its settings, the use cases, and the server's pools. */
record SocketContext(
        WebSocketSettings settings,
        PairingUseCases pairing,
        WatchEvents watchEvents,
        PollEvents pollEvents,
        WireJson json,
        FlatJsonReader frameReader,
        Executor worker,
        OpenSockets sockets) {

    SocketContext(WebSocketSettings settings, PairingUseCases pairing, WatchEvents watchEvents,
            PollEvents pollEvents, WireJson json, Executor worker, OpenSockets sockets) {
        this(settings, pairing, watchEvents, pollEvents, json,
                new FlatJsonReader(WireJson.strictFactory(settings.maxFrameBytes()), "the frame", ClientFrames.FIELDS),
                worker, sockets);
    }
}
