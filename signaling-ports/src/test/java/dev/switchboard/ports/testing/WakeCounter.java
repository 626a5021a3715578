package dev.switchboard.ports.testing;

import java.time.Duration;

/** A subscriber callback that counts its wake-ups and lets a test wait for them. Thread-safe. */
public final class WakeCounter implements Runnable {
    private int wakeUps;

    @Override
    public synchronized void run() {
        wakeUps++;
        notifyAll();
    }

    public synchronized int count() {
        return wakeUps;
    }

    /** Waits until at least {@code expected} wake-ups happened; returns whether they did within {@code timeout}. */
    public synchronized boolean awaitAtLeast(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (wakeUps < expected) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return false;
                }
                wait(remainingMillis);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
