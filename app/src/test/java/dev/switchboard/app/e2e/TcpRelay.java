package dev.switchboard.app.e2e;

import dev.switchboard.adapter.postgres.PostgresSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards TCP connections to a database, so that a test can take the database away from a running application
 * and give it back: {@link #cut()} breaks every connection and refuses new ones, as an outage would.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listening;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpRelay(URI target) throws IOException {
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = target.getHost();
        this.targetPort = target.getPort() == -1 ? 5432 : target.getPort();
        daemon(this::acceptUntilClosed, "tcp-relay-accept");
    }

    /** A relay to {@code database}. */
    static TcpRelay to(PostgresSettings database) {
        try {
            return new TcpRelay(URI.create(database.jdbcUrl().substring("jdbc:".length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code database}, reached through this relay. */
    PostgresSettings relaying(PostgresSettings database) {
        String url = database.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + listening.getLocalPort() + "/");
        return PostgresSettings.of(url, database.user(), database.password());
    }

    /** Breaks every connection and refuses new ones until {@link #restore()}. */
    void cut() {
        cut = true;
        sockets.forEach(TcpRelay::closeQuietly);
    }

    /** Forwards new connections again. */
    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listening);
    }

    private void acceptUntilClosed() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                daemon(() -> pump(client, upstream), "tcp-relay-up");
                daemon(() -> pump(upstream, client), "tcp-relay-down");
            } catch (IOException e) {
                // Closed, or the database refused: either way the client sees its connection fail.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side went away; the finally closes the other.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
