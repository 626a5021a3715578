package dev.switchboard.adapter.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the wake-up channel over one dedicated connection, outside the pool, on a daemon thread.
 * When the connection drops or stops answering, it reconnects with exponential backoff and then reports
 * the reconnect: wake-ups sent meanwhile are lost, so the owner must wake everyone to re-read the store.
 */
final class NotificationListener implements AutoCloseable {
    /** The channel every instance listens on and publishes to. */
    static final String CHANNEL = "switchboard_events";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final int POLL_MILLIS = 500;
    /** After this long without a notification, check that the connection still answers. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final PostgresSettings settings;
    private final Consumer<String> onPayload;
    private final Runnable onReconnect;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private NotificationListener(PostgresSettings settings, Consumer<String> onPayload, Runnable onReconnect) {
        this.settings = settings;
        this.onPayload = onPayload;
        this.onReconnect = onReconnect;
        this.thread = new Thread(this::run, "switchboard-postgres-listener");
        this.thread.setDaemon(true);
    }

    /**
     * Connects, listens, and starts the thread that hands each payload to {@code onPayload} and calls
     * {@code onReconnect} after every reconnect. Both run on that thread: {@code onPayload} must be quick;
     * {@code onReconnect} may wait a while (for the pool to serve again), notifications queueing on the connection.
     *
     * @throws SQLException if the first connection cannot be opened
     */
    static NotificationListener start(PostgresSettings settings, Consumer<String> onPayload, Runnable onReconnect)
            throws SQLException {
        NotificationListener listener = new NotificationListener(settings, onPayload, onReconnect);
        listener.connection = listener.connect();
        listener.thread.start();
        return listener;
    }

    /**
     * Whether a connection is listening now: false from the moment one is lost until the reconnect, a time
     * in which the other instances' wake-ups do not reach this one.
     */
    boolean isListening() {
        return running && connection != null;
    }

    /** The server process serving the current connection, or -1 while there is none; for tests. */
    int backendPid() throws SQLException {
        Connection current = connection;
        return current == null ? -1 : current.unwrap(PGConnection.class).getBackendPID();
    }

    @Override
    public void close() {
        running = false;
        closeQuietly(connection);
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(VALIDATION_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            listenUntilClosed();
        } finally {
            closeQuietly(connection);
            connection = null;
        }
    }

    private void listenUntilClosed() {
        Duration backoff = FIRST_BACKOFF;
        long lastHeard = System.nanoTime();
        while (running) {
            try {
                if (connection == null) {
                    connection = connect();
                    LOG.info("listening for wake-ups on {} again", settings.redactedUrl());
                    backoff = FIRST_BACKOFF;
                    lastHeard = System.nanoTime();
                    onReconnect.run();
                }
                if (receive(connection)) {
                    lastHeard = System.nanoTime();
                } else if (System.nanoTime() - lastHeard > IDLE_CHECK_NANOS) {
                    // A silently broken connection never reports notifications: ask it to answer.
                    if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                        throw new SQLException("the listening connection no longer answers");
                    }
                    lastHeard = System.nanoTime();
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("lost the wake-up connection to {} ({}); reconnecting in {} ms",
                        settings.redactedUrl(), e.getMessage(), backoff.toMillis());
                closeQuietly(connection);
                connection = null;
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error("handling a wake-up failed", e);
            }
        }
    }

    /** Waits a moment for notifications and hands each on; returns whether there were any. */
    private boolean receive(Connection listening) throws SQLException {
        PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
        if (notifications == null || notifications.length == 0) {
            return false;
        }
        for (PGNotification notification : notifications) {
            onPayload.accept(notification.getParameter());
        }
        return true;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", "switchboard-listener");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectionTimeout().toSeconds())));
        Connection opened = new Driver().connect(settings.jdbcUrl(), properties);
        if (opened == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + settings.redactedUrl());
        }
        try (Statement statement = opened.createStatement()) {
            // LISTEN takes an identifier, not a bind parameter, and jOOQ has no API for it: the channel is a constant.
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            closeQuietly(opened);
            throw e;
        }
        if (!running) {
            closeQuietly(opened);
            throw new SQLException("the listener is closed");
        }
        return opened;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // close() interrupts to stop at once; the loop sees running is false.
        }
    }

    private static void closeQuietly(Connection toClose) {
        if (toClose == null) {
            return;
        }
        try {
            toClose.close();
        } catch (SQLException e) {
            LOG.debug("closing the listening connection failed", e);
        }
    }
}
