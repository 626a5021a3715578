package dev.switchboard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTEN/NOTIFY alone, without Switchboard: one connection sends {@code pg_notify} at a fixed rate (each its own
 * auto-committed statement, as {@code PostgresEventPublisher} sends one per publish), another waits exactly as
 * {@code NotificationListener} does, in {@code getNotifications(500)}. Its latency is the floor under every
 * cross-instance wake-up, and at a sparse rate it shows whether the wait returns when a notification arrives or only
 * when the 500 ms are up. Uses a channel of its own, so the instances on the same database never hear it.
 */
final class NotifyProbe {
    private static final String CHANNEL = "switchboard_bench_probe";
    private static final int POLL_MILLIS = 500;

    private NotifyProbe() {}

    static RunResult run(String jdbcUrl, String user, int rate, CpuSample.Sources cpu, Duration warmup,
            Duration measured) throws SQLException, InterruptedException {
        Measurement measurement = new Measurement();
        try (Connection listeningConnection = DriverManager.getConnection(jdbcUrl, user, "");
             Connection notifying = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement notify = notifying.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            try (Statement listen = listeningConnection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            AtomicBoolean listening = new AtomicBoolean(true);
            Thread listener = new Thread(() -> listen(listeningConnection, listening, measurement), "probe-listener");
            listener.setDaemon(true);
            listener.start();
            Pacer pacer = Pacer.start(rate, (i, intended) -> {
                try {
                    notify.setString(1, Long.toString(intended));
                    notify.execute();
                    measurement.stored.relayed(System.nanoTime() - intended);
                } catch (SQLException e) {
                    measurement.failed(e.toString());
                }
            });
            Measurement.Window window = measurement.measure(pacer, cpu, warmup, measured);
            Thread.sleep(POLL_MILLIS * 2L);
            listening.set(false);
            listener.join();
            return window.result("notify", "NOTIFY->LISTEN", rate, measurement.delivered.failures(), 0);
        }
    }

    private static void listen(Connection listening, AtomicBoolean running, Measurement measurement) {
        try {
            PGConnection connection = listening.unwrap(PGConnection.class);
            while (running.get()) {
                PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
                long now = System.nanoTime();
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        measurement.delivered.relayed(now - Long.parseLong(notification.getParameter()));
                    }
                }
            }
        } catch (SQLException e) {
            measurement.failed(e.toString());
        }
    }
}
