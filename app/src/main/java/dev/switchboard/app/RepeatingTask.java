package dev.switchboard.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task at a fixed delay on one daemon thread, and keeps running it when a run fails: the failure is
 * logged and counted under {@code failureMeter}, and the next run comes as planned, because a store that is
 * briefly unavailable must not stop housekeeping for good.
 */
final class RepeatingTask implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RepeatingTask.class);

    private final String name;
    private final Runnable task;
    private final Counter failures;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<Thread> thread;

    private RepeatingTask(String name, Runnable task, Counter failures, ScheduledExecutorService scheduler,
            AtomicReference<Thread> thread) {
        this.name = name;
        this.task = task;
        this.failures = failures;
        this.scheduler = scheduler;
        this.thread = thread;
    }

    /**
     * Starts running {@code task} every {@code interval}, the first time one interval from now, on a thread named
     * {@code switchboard-<name>}.
     */
    static RepeatingTask start(String name, Duration interval, Runnable task, MeterRegistry registry,
            String failureMeter, String failureDescription) {
        AtomicReference<Thread> thread = new AtomicReference<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread created = new Thread(runnable, "switchboard-" + name);
            created.setDaemon(true);
            thread.set(created);
            return created;
        });
        Counter failures = Counter.builder(failureMeter).description(failureDescription).register(registry);
        RepeatingTask running = new RepeatingTask(name, task, failures, scheduler, thread);
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(running::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        return running;
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            // Caught so the schedule survives: an exception would cancel every later run.
            failures.increment();
            log.warn("The {} run failed; retrying at the next interval", name, e);
        }
    }

    /** Cancels later runs and waits briefly for one in progress, which is left to finish, not interrupted. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("A {} run was still going after 5 s; leaving it to finish on its own", name);
                return;
            }
            // The pool reports termination a moment before its thread has ended; once closed, none is left.
            Thread ended = thread.get();
            if (ended != null) {
                ended.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
