package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler did with each thread of a process, from {@code /proc/<pid>/task/<tid>/schedstat}: time run,
 * and time spent runnable but waiting for a core. On a server pinned to one core the second is where a message's
 * tail latency hides: a frame that arrives while the event loop waits behind the process's own threads (a
 * collector's, a compiler's) or another process, or while its idle core is woken, waits with it.
 */
final class ThreadSchedule {
    private final Map<Long, Times> threads;

    /** One thread's counters, in nanoseconds since it started. */
    record Times(String name, long runNanos, long waitNanos) {}

    /** One thread's share of a window, in percent of the window's wall time. */
    record Share(String name, double runPercent, double waitPercent) {}

    private ThreadSchedule(Map<Long, Times> threads) {
        this.threads = threads;
    }

    /** The counters of every thread of {@code process} now; a thread that ends while being read is left out. */
    static ThreadSchedule of(ProcessMeter process) {
        Map<Long, Times> threads = new HashMap<>();
        for (Map.Entry<Long, Times> thread : process.eachThread(ThreadSchedule::read)) {
            threads.put(thread.getKey(), thread.getValue());
        }
        return new ThreadSchedule(threads);
    }

    private static Map.Entry<Long, Times> read(Path task) throws IOException {
        String[] counters = Files.readString(task.resolve("schedstat")).trim().split(" ");
        String name = Files.readString(task.resolve("comm")).trim();
        return Map.entry(Long.parseLong(task.getFileName().toString()),
                new Times(name, Long.parseLong(counters[0]), Long.parseLong(counters[1])));
    }

    /** Each thread's run and wait between {@code this} and {@code later}, the busiest first. */
    List<Share> until(ThreadSchedule later, long windowNanos) {
        List<Share> shares = new ArrayList<>();
        later.threads.forEach((tid, end) -> {
            Times start = threads.getOrDefault(tid, new Times(end.name(), 0, 0));
            shares.add(new Share(end.name(), percent(end.runNanos() - start.runNanos(), windowNanos),
                    percent(end.waitNanos() - start.waitNanos(), windowNanos)));
        });
        shares.sort(Comparator.comparingDouble(Share::runPercent).reversed());
        return shares;
    }

    private static double percent(long nanos, long windowNanos) {
        return 100.0 * nanos / windowNanos;
    }
}
