package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server's open WebSockets: it counts them per client address against a limit (in this process; a
 * limit across instances would need a store) and closes them all on shutdown. Touched on connect and
 * disconnect only, never on the relay path.
 */
final class OpenSockets {
    private final int maxPerAddress;
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Set<WebSocketConnection> open = ConcurrentHashMap.newKeySet();
    private final Object emptied = new Object();
    private volatile boolean closed;

    OpenSockets(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** Takes one of {@code address}'s places, or refuses with {@code limit_reached} when it holds them all. */
    Slot reserve(String address) {
        AtomicBoolean taken = new AtomicBoolean();
        perAddress.compute(address, (key, count) -> {
            int held = count == null ? 0 : count;
            if (held >= maxPerAddress) {
                return count;
            }
            taken.set(true);
            return held + 1;
        });
        if (!taken.get()) {
            throw new SignalingException(ErrorCode.LIMIT_REACHED,
                    "this address already holds " + maxPerAddress + " open WebSockets; close one first");
        }
        return new Slot(address);
    }

    /** Tracks a new connection; false once the server is shutting down (the caller then closes it). */
    boolean add(WebSocketConnection connection) {
        open.add(connection);
        if (closed) {
            remove(connection);
            return false;
        }
        return true;
    }

    void remove(WebSocketConnection connection) {
        if (open.remove(connection) && open.isEmpty()) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
    }

    /** Closes every connection with 1001, and every later one as it opens. */
    void closeAll() {
        closed = true;
        open.forEach(connection -> connection.close(SocketClose.SHUTDOWN));
    }

    /** Waits until every connection has closed, at most {@code grace}; returns whether they all have. */
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

    /** One place of an address; giving it back twice is harmless. */
    final class Slot {
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String address) {
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
