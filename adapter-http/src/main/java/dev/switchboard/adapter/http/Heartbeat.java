package dev.switchboard.adapter.http;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Watches one socket's signs of life on its event loop, with one timer and no thread of its own: pings the
 * client every ping interval, reports it idle once it has been silent for the idle timeout, and says when
 * the owner's presence is due for a refresh (at most once per keep-alive interval, however chatty the
 * client is).
 */
final class Heartbeat implements Runnable {
    private final EventLoop loop;
    private final long pingInterval;
    private final long idleTimeout;
    private final long keepAliveInterval;
    private final Runnable ping;
    private final Runnable onIdle;
    // Confined to the event loop, like every call but stop(); the timer and the flag are read by stop().
    private long lastLife;
    private long lastKeepAlive;
    private long nextPing;
    private volatile ScheduledFuture<?> timer;
    private volatile boolean stopped;

    /**
     * @param ping   sends a ping (event loop)
     * @param onIdle closes the socket (event loop)
     */
    Heartbeat(EventLoop loop, WebSocketSettings settings, Runnable ping, Runnable onIdle) {
        this.loop = loop;
        this.pingInterval = settings.pingInterval().toNanos();
        this.idleTimeout = settings.idleTimeout().toNanos();
        this.keepAliveInterval = settings.keepAliveInterval().toNanos();
        this.ping = ping;
        this.onIdle = onIdle;
    }

    /** Starts the timer; connecting counts as the first sign of life and as a presence refresh. */
    void start(long now) {
        lastLife = now;
        lastKeepAlive = now;
        nextPing = now + pingInterval;
        schedule(now);
    }

    /** Notes a sign of life (a frame, a ping or a pong); returns whether the owner's presence is due a refresh. */
    boolean lifeSign(long now) {
        lastLife = now;
        if (now - lastKeepAlive < keepAliveInterval) {
            return false;
        }
        lastKeepAlive = now;
        return true;
    }

    /** Stops for good; safe from any thread. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastLife >= idleTimeout) {
            onIdle.run();
            return;
        }
        if (now - nextPing >= 0) {
            ping.run();
            nextPing = now + pingInterval;
        }
        schedule(now);
    }

    /**
     * Wakes at the next ping or at the moment the socket would turn idle, whichever comes first. Once the event
     * loop is stopping it takes no more timers and closes the socket itself, so there is nothing to watch.
     */
    private void schedule(long now) {
        long wake = Math.min(nextPing - now, lastLife + idleTimeout - now);
        try {
            timer = loop.schedule(this, Math.max(wake, 1), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            stopped = true;
        }
    }
}
