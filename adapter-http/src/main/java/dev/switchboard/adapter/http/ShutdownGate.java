package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts the requests in flight and, once closed, refuses new ones with 503 {@code service_unavailable},
 * so that shutdown can wait for exactly the requests it let in. The liveness and readiness probes still
 * get through, so that a balancer reads "not ready" rather than a refusal while the server drains.
 */
final class ShutdownGate implements ExchangeHandler {
    private final ExchangeHandler next;
    private final ReplyWriter writer;
    private final Object monitor = new Object();
    private int inFlight;
    private boolean closed;

    ShutdownGate(ExchangeHandler next, ReplyWriter writer) {
        this.next = next;
        this.writer = writer;
    }

    static boolean isProbe(String path) {
        return path.equals(HealthEndpoints.LIVE) || path.equals(HealthEndpoints.READY);
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        if (!admit(isProbe(exchange.path()))) {
            exchange.closeAfterResponse();
            writer.write(exchange, Reply.problem(ErrorCode.SERVICE_UNAVAILABLE, "the server is shutting down"));
            return;
        }
        exchange.onComplete(completed -> {
            synchronized (monitor) {
                if (--inFlight == 0) {
                    monitor.notifyAll();
                }
            }
        });
        next.handle(exchange);
    }

    private boolean admit(boolean probe) {
        synchronized (monitor) {
            if (!closed || probe) {
                inFlight++;
                return true;
            }
            return false;
        }
    }

    /** Refuses every request from now on. */
    void close() {
        synchronized (monitor) {
            closed = true;
        }
    }

    /** Waits until no admitted request is in flight, at most {@code grace}; returns whether none is. */
    boolean awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (monitor) {
            while (inFlight > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
            }
            return true;
        }
    }

    int inFlight() {
        synchronized (monitor) {
            return inFlight;
        }
    }
}
