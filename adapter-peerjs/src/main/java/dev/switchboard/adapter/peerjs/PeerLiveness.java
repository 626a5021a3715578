package dev.switchboard.adapter.peerjs;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Watches one socket's signs of life on its network thread, with one timer and no thread of its own. Any frame,
 * ping or pong counts, not only {@code HEARTBEAT}; the store hears of it at most once a second however
 * chatty the client is, and a sign of life held back by that throttle is reported at the next tick. A socket
 * is pinged only when it has been quiet for half an interval (one that keeps sending is evidently there, and its
 * pings would only be load), and the first tick of each socket falls at a random point of its first interval,
 * so sockets that connected together are not pinged together. A socket silent for {@value #SILENT_PINGS} ping
 * intervals is reported silent.
 */
final class PeerLiveness {
    /** Ping intervals without a frame or pong after which a socket counts as gone. */
    static final int SILENT_PINGS = 4;
    private static final long REPORT_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final EventLoop loop;
    private final long pingInterval;
    private final Runnable ping;
    private final Runnable report;
    private final Runnable onSilent;
    // Confined to the network thread, but for stop().
    private long lastLife;
    private long lastReport;
    private boolean unreported;
    private volatile ScheduledFuture<?> timer;
    private volatile boolean stopped;

    /**
     * @param ping     sends a ping
     * @param report   asks for the store to hear the peer is alive; cheap, must not block
     * @param onSilent closes the socket
     */
    PeerLiveness(EventLoop loop, long pingIntervalNanos, Runnable ping, Runnable report, Runnable onSilent) {
        this.loop = loop;
        this.pingInterval = pingIntervalNanos;
        this.ping = ping;
        this.report = report;
        this.onSilent = onSilent;
    }

    /** Starts pinging; connecting is the first sign of life, and the store already knows of it. */
    void start() {
        lastLife = System.nanoTime();
        lastReport = lastLife - REPORT_INTERVAL;
        schedule(pingInterval / 2 + ThreadLocalRandom.current().nextLong(pingInterval / 2 + 1));
    }

    /** A frame, ping or pong arrived. */
    void lifeSign() {
        long now = System.nanoTime();
        lastLife = now;
        if (now - lastReport < REPORT_INTERVAL) {
            unreported = true;
            return;
        }
        reportAt(now);
    }

    /** Stops for good; safe from any thread. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastLife >= SILENT_PINGS * pingInterval) {
            onSilent.run();
            return;
        }
        if (unreported) {
            reportAt(now);
        }
        if (now - lastLife >= pingInterval / 2) {
            ping.run();
        }
        schedule(pingInterval);
    }

    private void reportAt(long now) {
        lastReport = now;
        unreported = false;
        report.run();
    }

    private void schedule(long delayNanos) {
        if (!stopped) {
            try {
                timer = loop.schedule(this::tick, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // The server is stopping; it closes the socket itself.
            }
        }
    }
}
