package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrainLoopTest {
    /** An executor that runs tasks only when the test says so, to control exactly what overlaps. */
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final Executor manual = queued::add;
    private final AtomicInteger rounds = new AtomicInteger();

    private void runQueued() {
        for (Runnable task = queued.poll(); task != null; task = queued.poll()) {
            task.run();
        }
    }

    @Test
    void queuesOneRunForAnyNumberOfSignalsBeforeItStarts() {
        DrainLoop loop = new DrainLoop(manual, rounds::incrementAndGet, () -> {});

        loop.signal();
        loop.signal();
        loop.signal();

        assertThat(queued).hasSize(1);
        runQueued();
        assertThat(rounds).hasValue(1);
    }

    @Test
    void runsOneMoreRoundForSignalsThatArriveDuringARound() {
        LoopUnderTest holder = new LoopUnderTest();
        DrainLoop loop = new DrainLoop(manual, () -> {
            if (rounds.incrementAndGet() == 1) {
                holder.loop.signal();
                holder.loop.signal();
            }
        }, () -> {});
        holder.loop = loop;

        loop.signal();
        runQueued();

        assertThat(rounds).hasValue(2);
    }

    @Test
    void givesItsThreadBackAfterAFewRoundsInARow() {
        LoopUnderTest holder = new LoopUnderTest();
        DrainLoop loop = new DrainLoop(manual, () -> {
            if (rounds.incrementAndGet() < 40) {
                holder.loop.signal();
            }
        }, () -> {});
        holder.loop = loop;

        loop.signal();
        queued.poll().run();

        assertThat(rounds.get()).isLessThan(40);
        assertThat(queued).hasSize(1);
        runQueued();
        assertThat(rounds).hasValue(40);
    }

    @Test
    void reportsARefusingPool() {
        AtomicBoolean rejected = new AtomicBoolean();
        DrainLoop loop = new DrainLoop(task -> {
            throw new RejectedExecutionException("stopped");
        }, rounds::incrementAndGet, () -> rejected.set(true));

        loop.signal();

        assertThat(rejected).isTrue();
        assertThat(rounds).hasValue(0);
    }

    @Test
    void runsALoopThatARoundWokeOnTheSameThreadAfterIt() {
        List<String> ran = new ArrayList<>();
        DrainLoop woken = new DrainLoop(manual, () -> ran.add("woken on " + Thread.currentThread().getName()), () -> {});
        DrainLoop waking = new DrainLoop(manual, () -> {
            woken.signal();
            ran.add("waking");
        }, () -> {});

        waking.signal();
        queued.poll().run();

        assertThat(ran).containsExactly("waking", "woken on " + Thread.currentThread().getName());
        assertThat(queued).isEmpty();
    }

    @Test
    void handsTheLoopsWokenBeyondAVisitsShareToThePool() {
        int many = DrainLoop.LOOPS_PER_THREAD_VISIT + 3;
        List<DrainLoop> woken = IntStream.range(0, many)
                .mapToObj(i -> new DrainLoop(manual, rounds::incrementAndGet, () -> {})).toList();
        DrainLoop waking = new DrainLoop(manual, () -> woken.forEach(DrainLoop::signal), () -> {});

        waking.signal();
        queued.poll().run();

        assertThat(rounds).hasValue(DrainLoop.LOOPS_PER_THREAD_VISIT);
        assertThat(queued).hasSize(3);
        runQueued();
        assertThat(rounds).hasValue(many);
    }

    @Test
    void leavesALoopOfAnotherPoolToItsPool() {
        Queue<Runnable> otherPool = new ArrayDeque<>();
        DrainLoop other = new DrainLoop(otherPool::add, rounds::incrementAndGet, () -> {});
        DrainLoop waking = new DrainLoop(manual, other::signal, () -> {});

        waking.signal();
        queued.poll().run();

        assertThat(rounds).hasValue(0);
        assertThat(otherPool).hasSize(1);
    }

    @Test
    void wakesThroughThePoolFromAThreadThatRunsNoLoop() {
        DrainLoop loop = new DrainLoop(manual, rounds::incrementAndGet, () -> {});
        DrainLoop waking = new DrainLoop(manual, loop::signal, () -> {});
        waking.signal();
        queued.poll().run();
        assertThat(rounds).hasValue(1);

        loop.signal();

        assertThat(queued).hasSize(1);
    }

    /** Lets a round signal the loop that runs it. */
    private static final class LoopUnderTest {
        DrainLoop loop;
    }
}
