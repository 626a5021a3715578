package dev.switchboard.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * The drain's wait, between the stop signal and the graceful stop: {@code delay}, or less if the process is told to
 * stop again (a second SIGTERM, or Ctrl-C), as an impatient operator or an orchestrator escalating does.
 */
final class StopSignals {
    /** The signals that stop the server: what orchestrators send, and Ctrl-C. */
    private static final List<String> STOPS = List.of("TERM", "INT");

    private StopSignals() {}

    /**
     * Waits {@code delay}, or until the next stop signal. Called from the shutdown hook: the JVM ignores a signal
     * that arrives while its hooks run, so this takes the stop signals over from then on; one arriving later, while
     * the graceful stop runs, changes nothing.
     */
    static void awaitDelayOrAnotherStop(Duration delay) {
        CountDownLatch stopAgain = new CountDownLatch(1);
        for (String name : STOPS) {
            try {
                Signal.handle(new Signal(name), signal -> stopAgain.countDown());
            } catch (IllegalArgumentException e) {
                // Unknown here, or kept by the JVM (-Xrs): only the delay ends the wait.
            }
        }
        try {
            stopAgain.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
