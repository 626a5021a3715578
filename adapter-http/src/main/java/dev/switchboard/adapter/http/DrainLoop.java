package dev.switchboard.adapter.http;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one connection's work on the worker pool, never twice at once: a signal while a round runs makes it
 * run one more round, so any number of wake-ups during a fetch coalesce into a single further fetch. After
 * a few rounds in a row it gives its thread back and queues itself again, so a busy connection cannot
 * starve the others.
 *
 * <p>A loop that a round of another loop wakes (a relayed signal wakes its recipient's socket) runs next on
 * the same worker thread, once that round is done, instead of waking a second worker: on a busy server that
 * saves a thread hand-off, a park and an unpark per relayed batch. A few such loops at most follow one
 * another this way (enough for a pair, or a small room, replying to each other); the rest go to the pool,
 * so one thread cannot be held by a chain of wake-ups, and rounds that block on a database queue behind
 * at most a few others.
 */
final class DrainLoop {
    private static final int ROUNDS_BEFORE_YIELDING = 16;
    /** Loops woken by rounds that may run on one worker thread, one after the other, before the pool takes over. */
    static final int LOOPS_PER_THREAD_VISIT = 4;
    /** The loops woken on this thread while it runs loops of one pool, to run after them. */
    private static final ThreadLocal<Following> FOLLOWING = new ThreadLocal<>();

    private final AtomicInteger signals = new AtomicInteger();
    private final Executor worker;
    private final Runnable round;
    private final Runnable onRejected;

    /**
     * @param round      one round of work; must not throw
     * @param onRejected what to do when the pool refuses the work (it is shutting down)
     */
    DrainLoop(Executor worker, Runnable round, Runnable onRejected) {
        this.worker = worker;
        this.round = round;
        this.onRejected = onRejected;
    }

    /** Asks for a round; cheap, never blocks, safe from any thread. */
    void signal() {
        if (signals.getAndIncrement() == 0) {
            Following following = FOLLOWING.get();
            if (following == null || !following.accepts(this)) {
                schedule();
            }
        }
    }

    private void schedule() {
        try {
            worker.execute(this::visit);
        } catch (RejectedExecutionException e) {
            onRejected.run();
        }
    }

    /** A worker thread's visit: this loop's rounds, then those of the loops they woke, in the order woken. */
    private void visit() {
        Following outer = FOLLOWING.get(); // set only when a pool runs tasks on the caller's thread
        Following following = new Following(worker);
        FOLLOWING.set(following);
        try {
            runRounds();
            for (DrainLoop next = following.next(); next != null; next = following.next()) {
                next.runRounds();
            }
        } finally {
            if (outer == null) {
                FOLLOWING.remove();
            } else {
                FOLLOWING.set(outer);
            }
            for (DrainLoop left = following.next(); left != null; left = following.next()) {
                left.schedule();
            }
        }
    }

    private void runRounds() {
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

    /** The loops waiting for a thread's visit to reach them; confined to that thread. */
    private static final class Following {
        private final Executor worker;
        private final ArrayDeque<DrainLoop> waiting = new ArrayDeque<>();
        private int taken;

        Following(Executor worker) {
            this.worker = worker;
        }

        /** Takes a loop of the same pool while the visit has room for it. */
        boolean accepts(DrainLoop loop) {
            if (loop.worker != worker || taken + waiting.size() >= LOOPS_PER_THREAD_VISIT) {
                return false;
            }
            waiting.add(loop);
            return true;
        }

        DrainLoop next() {
            DrainLoop loop = waiting.poll();
            if (loop != null) {
                taken++;
            }
            return loop;
        }
    }
}
