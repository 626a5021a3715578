package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.WatchEvents;
import io.netty.channel.Channel;
import java.util.concurrent.Executor;

/**
 * What every WebSocket connection of a server shares: its settings, the use cases, the server's pools, and
 * the edge's rate limits and meters. With {@code roundsOnEventLoop} (use cases that never block, as over the
 * in-memory store) a socket's rounds run on its own event loop instead of a worker: no hand-off between
 * threads, and everything a read pass brings is answered in one round and one flush.
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
        EdgeServices edge,
        boolean roundsOnEventLoop) {

    SocketContext(WebSocketSettings settings, PairingUseCases pairing, WatchEvents watchEvents,
            PollEvents pollEvents, WireJson json, int maxJsonDepth, Executor worker, OpenSockets sockets,
            EdgeServices edge, boolean roundsOnEventLoop) {
        this(settings, pairing, watchEvents, pollEvents, json,
                new FlatJsonReader(WireJson.strictFactory(settings.maxFrameBytes(), maxJsonDepth), "the frame",
                        ClientFrames.FIELDS),
                worker, sockets, edge, roundsOnEventLoop);
    }

    /** Where the rounds of the socket on {@code channel} run. */
    Executor roundsOf(Channel channel) {
        return roundsOnEventLoop ? channel.eventLoop() : worker;
    }
}
