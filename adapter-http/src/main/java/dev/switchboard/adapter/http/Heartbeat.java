package dev.switchboard.adapter.http;

import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.core.WebSocketChannel;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;

/**
 * Watches one socket's signs of life on its IO thread, with one timer and no thread of its own: pings the
 * client every ping interval, reports it idle once it has been silent for the idle timeout, and says when
 * the owner's presence is due for a refresh (at most once per keep-alive interval, however chatty the
 * client is).
 */
final class Heartbeat implements Runnable {
    private final WebSocketChannel channel;
    private final long pingInterval;
    private final long idleTimeout;
    private final long keepAliveInterval;
    private final Runnable onIdle;
    // Confined to the IO thread, like every call but stop(); the timer and the flag are read by stop().
    private long lastLife;
    private long lastKeepAlive;
    private long nextPing;
    private volatile XnioExecutor.Key timer;
    private volatile boolean stopped;

    Heartbeat(WebSocketChannel channel, WebSocketSettings settings, Runnable onIdle) {
        this.channel = channel;
        this.pingInterval = settings.pingInterval().toNanos();
        this.idleTimeout = settings.idleTimeout().toNanos();
        this.keepAliveInterval = settings.keepAliveInterval().toNanos();
        this.onIdle = onIdle;
    }

    /** Starts the timer; connecting counts as the first sign of life and as a presence refresh. */
    void start(long now) {
        lastLife = now;
        lastKeepAlive = now;
        nextPing = now + pingInterval;
        schedule(now);
    }

    /** Notes a sign of life (a frame or a pong); returns whether the owner's presence should be refreshed now. */
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
        XnioExecutor.Key scheduled = timer;
        if (scheduled != null) {
            scheduled.remove();
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
        if (now - nextPing >= 0 && !channel.isCloseFrameSent()) {
            WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
            nextPing = now + pingInterval;
        }
        schedule(now);
    }

    /**
     * Wakes at the next ping or at the moment the socket would turn idle, whichever comes first. Once the IO
     * thread is stopping it takes no more timers and closes the socket itself, so there is nothing to watch.
     */
    private void schedule(long now) {
        long wake = Math.min(nextPing - now, lastLife + idleTimeout - now);
        try {
            timer = channel.getIoThread().executeAfter(this, Math.max(wake, 1), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            stopped = true;
        }
    }
}
