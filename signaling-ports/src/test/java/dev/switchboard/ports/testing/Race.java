package dev.switchboard.ports.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs many calls at once from one starting line, so that the races a store must decide really happen. */
public final class Race {
    private static final int MAX_THREADS = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Race() {}

    /**
     * Calls {@code contender} with each index in {@code [0, contenders)}, concurrently, and returns the
     * results by index. A contender that throws, or a race that outlasts a minute, fails the test.
     */
    public static <T> List<T> run(int contenders, IntFunction<T> contender) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(contenders, MAX_THREADS));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(contenders);
            for (int i = 0; i < contenders; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return contender.apply(index);
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<T> results = new ArrayList<>(contenders);
            for (Future<T> future : futures) {
                results.add(future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
            }
            return Collections.unmodifiableList(results);
        } catch (ExecutionException e) {
            throw new AssertionError("a contender failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the race did not finish within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
