package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.model.Subscription;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes subscribers on every instance sharing the database: local ones directly, on the publishing thread,
 * and the others through one PostgreSQL {@code NOTIFY} per publish, which their listeners turn back into
 * local wake-ups. Each instance skips its own notifications, having woken its subscribers already.
 */
final class PostgresEventPublisher implements EventPublisher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventPublisher.class);
    /** How long a resynchronisation waits for the pool to serve before it wakes everyone regardless. */
    private static final Duration POOL_PATIENCE = Duration.ofSeconds(15);
    private static final Duration POOL_RETRY = Duration.ofMillis(100);

    private final String origin;
    private final Database database;
    private final LocalSubscribers local = new LocalSubscribers();
    private NotificationListener listener;

    private PostgresEventPublisher(String origin, Database database) {
        this.origin = origin;
        this.database = database;
    }

    /**
     * A publisher whose listener is already listening, so no wake-up sent after this returns is missed.
     *
     * @param origin this instance's id in the payloads, unique among the instances sharing the database
     * @throws SQLException if the listening connection cannot be opened
     */
    static PostgresEventPublisher start(PostgresSettings settings, Database database, String origin)
            throws SQLException {
        PostgresEventPublisher publisher = new PostgresEventPublisher(origin, database);
        publisher.listener = NotificationListener.start(settings, publisher::received, publisher::resynchronise);
        return publisher;
    }

    /**
     * Wakes local subscribers, then notifies the other instances. The events are committed by then, so a
     * failing NOTIFY is logged rather than thrown: failing the caller would not undo them, and remote
     * readers still find them on their next read.
     */
    @Override
    public void publish(Set<String> recipientKeyIds) {
        if (recipientKeyIds.isEmpty()) {
            return;
        }
        local.wake(recipientKeyIds);
        List<String> payloads = WakeUpMessage.payloads(origin, recipientKeyIds);
        try {
            database.statement(dsl -> {
                // One statement, hence one commit, for all payloads: every commit with NOTIFY takes a global lock.
                Table<?> messages = DSL.unnest(payloads.toArray(String[]::new)).as("messages", "payload");
                Field<String> payload = messages.field("payload", String.class);
                // jOOQ has no API for NOTIFY: call the built-in pg_notify by name, with bound arguments.
                return dsl.select(DSL.function("pg_notify", SQLDataType.OTHER, DSL.inline(NotificationListener.CHANNEL),
                        payload)).from(messages).execute();
            });
        } catch (SignalingException | DataAccessException e) {
            LOG.warn("could not notify other instances of events for {} recipients: {}",
                    recipientKeyIds.size(), e.getMessage());
        }
    }

    @Override
    public Subscription subscribe(String recipientKeyId, Runnable onEvent) {
        return local.subscribe(recipientKeyId, onEvent);
    }

    /** Whether the other instances' wake-ups reach this one now; see {@link NotificationListener#isListening()}. */
    boolean isListening() {
        return listener.isListening();
    }

    /** The server process of the listening connection; for tests that cut it. */
    int listenerBackendPid() throws SQLException {
        return listener.backendPid();
    }

    /** How many keys have local subscribers; for tests that prove closed subscriptions leave nothing behind. */
    int watchedKeys() {
        return local.watchedKeys();
    }

    @Override
    public void close() {
        listener.close();
    }

    /**
     * After the listener reconnected: wakes every local subscriber to re-read what the lost notifications were
     * about, once the pool serves again. The listener's own connection can come back before the pool does (the
     * pool retries with a backoff of its own), and a subscriber woken into a failing read gives up: a WebSocket
     * closes with "cannot deliver now", so an outage would end with every socket of the instance closed at once.
     * Runs on the listener's thread; notifications arriving meanwhile wait on its connection.
     */
    private void resynchronise() {
        awaitThePool();
        local.wakeAll();
    }

    /** Waits until a pooled statement answers, at most {@link #POOL_PATIENCE}, or until the listener is closed. */
    private void awaitThePool() {
        long deadline = System.nanoTime() + POOL_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                database.statement(dsl -> dsl.selectOne().fetch());
                return;
            } catch (SignalingException | DataAccessException e) {
                LOG.debug("the pool does not serve yet after the listener reconnected: {}", e.getMessage());
            }
            try {
                Thread.sleep(POOL_RETRY.toMillis());
            } catch (InterruptedException e) {
                // close() interrupts the listener's thread: stop waiting.
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("the pool still fails {} s after the wake-up listener reconnected; waking every subscriber anyway",
                POOL_PATIENCE.toSeconds());
    }

    /** A notification from the channel, possibly one of ours. */
    private void received(String payload) {
        WakeUpMessage message = WakeUpMessage.parse(payload);
        if (message.origin().equals(origin)) {
            return;
        }
        if (message.everyone()) {
            local.wakeAll();
        } else {
            local.wake(message.recipients());
        }
    }
}
