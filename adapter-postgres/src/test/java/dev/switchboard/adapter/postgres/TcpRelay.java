package dev.switchboard.adapter.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards TCP connections to the test database until closed, so that a test can make the database vanish
 * from under a storage: closing cuts every connection and refuses new ones, as an outage would.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listening;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean refusing;

    private TcpRelay(String targetHost, int targetPort) throws IOException {
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        daemon(this::acceptUntilClosed, "tcp-relay-accept");
    }

    /** A relay to the database of {@code settings}, and settings that reach it through the relay. */
    static TcpRelay to(PostgresSettings settings) {
        URI target = URI.create(settings.jdbcUrl().substring("jdbc:".length()));
        try {
            return new TcpRelay(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code settings} redirected to this relay. */
    PostgresSettings relaying(PostgresSettings settings) {
        URI target = URI.create(settings.jdbcUrl().substring("jdbc:".length()));
        try {
            URI relayed = new URI(target.getScheme(), null, "127.0.0.1", listening.getLocalPort(), target.getPath(),
                    target.getQuery(), null);
            return new PostgresSettings("jdbc:" + relayed, settings.user(), settings.password(),
                    settings.minPoolSize(), settings.maxPoolSize(), settings.connectionTimeout());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * While {@code refuse} is true, new connections are closed at once and the open ones keep working: a
     * database that has run out of connection slots, say.
     */
    void refuseNewConnections(boolean refuse) {
        refusing = refuse;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listening);
        sockets.forEach(TcpRelay::closeQuietly);
    }

    private void acceptUntilClosed() {
        while (!closed) {
            try {
                Socket client = listening.accept();
                if (refusing) {
                    closeQuietly(client);
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

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side went away; the finally closes the other.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
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
