package dev.switchboard.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop pacer: fires event {@code i} at {@code start + i / rate} on a thread of its own, handing over that
 * <em>intended</em> time, so that a stalled server or client shows up as latency instead of silently lowering the
 * offered rate (no coordinated omission).
 */
final class Pacer implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    /** What to do at each intended time. */
    interface Event {
        void fire(long index, long intendedNanos);
    }

    private Pacer(int rate, Event event) {
        this.thread = new Thread(() -> pace(rate, event), "pacer");
    }

    static Pacer start(int rate, Event event) {
        Pacer pacer = new Pacer(rate, event);
        pacer.thread.start();
        return pacer;
    }

    private void pace(int rate, Event event) {
        double nanosPerEvent = 1e9 / rate;
        long start = System.nanoTime();
        long i = 0;
        while (running) {
            long now = System.nanoTime();
            long intended = start + (long) (i * nanosPerEvent);
            while (intended <= now) {
                event.fire(i, intended);
                i++;
                intended = start + (long) (i * nanosPerEvent);
            }
            LockSupport.parkNanos(Math.min(intended - now, 1_000_000));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
