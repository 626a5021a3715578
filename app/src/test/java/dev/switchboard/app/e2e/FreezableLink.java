package dev.switchboard.app.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link to a local port that a test can freeze: {@link #freeze()} stops forwarding bytes either way but keeps
 * every connection open, as a laptop that went to sleep or a dead NAT mapping does. Neither end sees a close; the
 * server only notices the silence.
 */
final class FreezableLink implements AutoCloseable {
    private final ServerSocket listening;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;

    private FreezableLink(int targetPort) throws IOException {
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        daemon(this::acceptUntilClosed, "freezable-link-accept");
    }

    /** A link to {@code 127.0.0.1:targetPort}. */
    static FreezableLink to(int targetPort) {
        try {
            return new FreezableLink(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port to connect to instead of the target's. */
    int port() {
        return listening.getLocalPort();
    }

    /** Stops forwarding in both directions; connections stay open. */
    void freeze() {
        frozen = true;
    }

    private void acceptUntilClosed() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                daemon(() -> pump(client, target), "freezable-link-up");
                daemon(() -> pump(target, client), "freezable-link-down");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (frozen) {
                    // Hold the bytes: nothing reaches the other end, and nothing is closed.
                    Thread.sleep(50);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed: the other is closed by try-with-resources.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        frozen = false;
        try {
            listening.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
    }
}
