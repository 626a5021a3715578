package dev.switchboard.adapter.peerjs;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's open PeerJS sockets: found by connection id when a reconnect supersedes one, and all closed
 * on shutdown. Touched on connect and close only, never on the relay path.
 */
final class PeerSockets {
    private final Set<PeerJsSocket> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, PeerJsSocket> byConnection = new ConcurrentHashMap<>();
    private final Object emptied = new Object();
    private volatile boolean closed;

    /** Tracks a new socket; false once the server is shutting down (the caller then closes it). */
    boolean add(PeerJsSocket socket) {
        open.add(socket);
        if (closed) {
            remove(socket);
            return false;
        }
        return true;
    }

    /** Makes a socket that took its id findable; false if it closed meanwhile. */
    boolean connected(PeerJsSocket socket) {
        String id = socket.connectionId().orElseThrow();
        byConnection.put(id, socket);
        if (!open.contains(socket)) {
            byConnection.remove(id, socket);
            return false;
        }
        return true;
    }

    Optional<PeerJsSocket> find(String connectionId) {
        return Optional.ofNullable(byConnection.get(connectionId));
    }

    void remove(PeerJsSocket socket) {
        socket.connectionId().ifPresent(id -> byConnection.remove(id, socket));
        if (open.remove(socket) && open.isEmpty()) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
    }

    /** Closes every socket with 1001, and every later one as it opens. */
    void closeAll() {
        closed = true;
        open.forEach(socket -> socket.close(1001, "server shutting down"));
    }

    /** Waits until every socket has closed, at most {@code grace}; returns whether they all have. */
    boolean awaitClosed(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (emptied) {
            while (!open.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(emptied, remaining);
            }
            return true;
        }
    }

    int size() {
        return open.size();
    }
}
