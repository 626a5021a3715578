package dev.switchboard.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The PeerJS load generator's traffic on one {@link WebSocketDriver}: connects peers to
 * {@code <path>peerjs?key=peerjs&id=&token=&version=}, counts their {@code OPEN}s, and relays messages between
 * pairs, either answering each arrival with the next message (closed loop) or at a fixed rate (open loop).
 */
final class PeerJsDriver {
    private final WebSocketDriver loop = WebSocketDriver.start("peerjs-driver");
    private final String base;
    private final Stats stats;
    private final AtomicInteger opened = new AtomicInteger();
    /** Set on the loop thread, read there by every arrival. */
    private boolean closedLoop;
    private Pacer pacer;
    /** How late each open-loop message was queued after its intended time: the generator's own delay. */
    private final Recorder lateness = new Recorder(3);

    PeerJsDriver(InetSocketAddress server, String path, Stats stats) {
        this.base = "ws://" + server.getHostString() + ":" + server.getPort() + path;
        this.stats = stats;
    }

    PeerJsConnection newConnection(String id) {
        return new PeerJsConnection(id, this, stats);
    }

    /** Connects a peer and sends its upgrade request; its {@code OPEN} counts in {@link #opened()}. */
    void connect(PeerJsConnection connection, String token) {
        loop.connect(connection, URI.create(base + "peerjs?key=peerjs&id=" + connection.id + "&token=" + token
                + "&version=1.5.5"));
    }

    /** Sockets that have received the server's {@code OPEN}. */
    int opened() {
        return opened.get();
    }

    void peerOpened() {
        opened.incrementAndGet();
    }

    /** Whether each relayed message that arrives is answered with one back to its sender (loop thread). */
    boolean answersArrivals() {
        return closedLoop;
    }

    /** Closed loop: {@code window} messages from each peer, and from then on each arrival answered. */
    void startClosedLoop(List<PeerJsConnection> connections, int window) {
        loop.execute(() -> {
            closedLoop = true;
            long now = System.nanoTime();
            for (PeerJsConnection connection : connections) {
                for (int i = 0; i < window; i++) {
                    connection.queueRelay(now);
                }
            }
        });
    }

    /**
     * Open loop: message {@code i} leaves at {@code start + i / rate}, round-robin, stamped with that time. The
     * {@link Pacer} hands each to the loop thread when it is due, waking it, so that a message leaves within tens of
     * microseconds of its time rather than within the millisecond of a select timeout (which would add up to a
     * millisecond of the generator's own to every latency, whatever the server). How late each one was queued is
     * recorded ({@link #takeLateness()}): it is part of every server's measured latency, so a run whose lateness
     * is high measured the generator's machine as much as the server.
     */
    void startOpenLoop(List<PeerJsConnection> connections, int rate) {
        pacer = Pacer.start(rate, (index, intended) -> {
            PeerJsConnection connection = connections.get((int) (index % connections.size()));
            loop.execute(() -> {
                lateness.recordValue(Math.max(0, System.nanoTime() - intended));
                connection.queueRelay(intended);
            });
        });
    }

    /** The lateness of the messages queued since the last call, in nanoseconds. */
    Histogram takeLateness() {
        return lateness.getIntervalHistogram();
    }

    void stop() throws InterruptedException {
        if (pacer != null) {
            pacer.close();
        }
        loop.close();
    }
}
