package dev.switchboard.adapter.peerjs;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one socket's work on the worker pool, never twice at once: a signal while a round runs makes it run
 * one more round, so wake-ups during a fetch coalesce into one further fetch. After a few rounds in a row it
 * gives its thread back and queues itself again, so a busy socket cannot starve the others.
 */
final class WorkerLoop {
    private static final int ROUNDS_BEFORE_YIELDING = 16;

    private final AtomicInteger signals = new AtomicInteger();
    private final Executor worker;
    private final Runnable round;
    private final Runnable onRejected;
    /** Made once: a socket schedules itself for about every message it relays. */
    private final Runnable task = this::run;

    /**
     * @param round      one round of work; must not throw
     * @param onRejected what to do when the pool refuses the work (it is shutting down)
     */
    WorkerLoop(Executor worker, Runnable round, Runnable onRejected) {
        this.worker = worker;
        this.round = round;
        this.onRejected = onRejected;
    }

    /** Asks for a round; cheap, never blocks, safe from any thread. */
    void signal() {
        if (signals.getAndIncrement() == 0) {
            schedule();
        }
    }

    private void schedule() {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            onRejected.run();
        }
    }

    private void run() {
        int seen = signals.get();
        for (int rounds = 0; rounds < ROUNDS_BEFORE_YIELDING; rounds++) {
            round.run();
            seen = signals.addAndGet(-seen);
            if (seen == 0) {
                return;
            }
        }
        schedule();
    }
}
