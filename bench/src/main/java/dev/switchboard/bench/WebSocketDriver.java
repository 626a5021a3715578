package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A load generator's single event-loop thread for its client WebSockets ({@link WebSocketConnection}): one
 * selector over every socket, each socket's frames handled on this thread as they are read, and one write per
 * socket with something queued per loop pass, so that frames queued together leave together. One thread and no
 * locks keep the generator's cost per message small and measurable. Other threads hand work to it with
 * {@link #execute}; on this thread a socket is used directly.
 */
final class WebSocketDriver implements AutoCloseable {
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<WebSocketConnection> dirty = new ArrayList<>();
    private final TextMessage message = new TextMessage();
    private volatile boolean running = true;

    private WebSocketDriver(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::run, name);
        // A daemon, so that a generator whose main thread fails still exits; a loop that died would leave the
        // generator reporting silence as a result, so it ends the generator, failed, instead.
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            System.exit(1);
        });
    }

    static WebSocketDriver start(String threadName) {
        WebSocketDriver driver = new WebSocketDriver(threadName);
        driver.thread.start();
        return driver;
    }

    /** Connects {@code connection} to {@code uri} ({@code ws://host:port/path?query}); completes on the 101. */
    CompletableFuture<Void> connect(WebSocketConnection connection, URI uri) {
        execute(() -> connection.start(this, uri));
        return connection.opened();
    }

    /** Runs {@code task} on the loop thread, waking it if it waits. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Stops the loop; the sockets are left as they are, for the process to end. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
    }

    Selector selector() {
        return selector;
    }

    /** The message buffer the loop thread builds outgoing frames in. */
    TextMessage message() {
        return message;
    }

    /** Puts {@code connection} on the list to flush at the end of this loop pass. */
    void markDirty(WebSocketConnection connection) {
        if (!connection.dirty) {
            connection.dirty = true;
            dirty.add(connection);
        }
    }

    private void run() {
        try {
            while (running) {
                selector.select(WebSocketDriver::ready);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (int i = 0; i < dirty.size(); i++) {
                    WebSocketConnection connection = dirty.get(i);
                    connection.dirty = false;
                    connection.flush();
                }
                dirty.clear();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ready(SelectionKey key) {
        ((WebSocketConnection) key.attachment()).ready();
    }
}
