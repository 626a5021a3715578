package dev.switchboard.adapter.peerjs;

import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Watches one socket's signs of life on its IO thread, with one timer and no thread of its own. Any frame,
 * ping or pong counts, not only {@code HEARTBEAT}; the store hears of it at most once a second however
 * chatty the client is, and a sign of life held back by that throttle is reported at the next ping. A
 * socket silent for {@value #SILENT_PINGS} ping intervals is reported silent.
 */
final class PeerLiveness {
    /** Ping intervals without a frame or pong after which a socket counts as gone. */
    static final int SILENT_PINGS = 4;
    private static final long REPORT_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final WebSocketChannel channel;
    private final long pingInterval;
    private final Runnable report;
    private final Runnable onSilent;
    // Confined to the IO thread, but for stop().
    private long lastLife;
    private long lastReport;
    private boolean unreported;
    private volatile XnioExecutor.Key timer;
    private volatile boolean stopped;

    /**
     * @param report   asks for the store to hear the peer is alive; cheap, must not block
     * @param onSilent closes the socket
     */
    PeerLiveness(WebSocketChannel channel, long pingIntervalNanos, Runnable report, Runnable onSilent) {
        this.channel = channel;
        this.pingInterval = pingIntervalNanos;
        this.report = report;
        this.onSilent = onSilent;
    }

    /** Starts pinging; connecting is the first sign of life, and the store already knows of it. */
    void start() {
        lastLife = System.nanoTime();
        lastReport = lastLife - REPORT_INTERVAL;
        schedule();
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
        XnioExecutor.Key scheduled = timer;
        if (scheduled != null) {
            scheduled.remove();
        }
    }

    private void tick() {
        if (stopped || !channel.isOpen()) {
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
        if (!channel.isCloseFrameSent()) {
            WebSockets.sendPing(ByteBuffer.allocate(0), channel, PeerJsOutbox.CLOSE_ON_FAILURE);
        }
        schedule();
    }

    private void reportAt(long now) {
        lastReport = now;
        unreported = false;
        report.run();
    }

    private void schedule() {
        try {
            timer = channel.getIoThread().executeAfter(this::tick, pingInterval, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            IoUtils.safeClose(channel);
        }
    }
}
