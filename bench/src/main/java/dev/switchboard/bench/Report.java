package dev.switchboard.bench;

import org.HdrHistogram.Histogram;

/** Prints a scenario's results as aligned {@code key: value} lines that {@code docs/benchmarks.md} quotes. */
final class Report {

    private Report() {}

    static void relay(String name, Snapshot start, Snapshot end, Histogram latencies, int sockets,
            ProcessMeter server, Stats stats) {
        double seconds = (end.wallNanos() - start.wallNanos()) / 1e9;
        long relayed = end.relayed() - start.relayed();
        double serverCpu = (end.serverCpuNanos() - start.serverCpuNanos()) / 1e9;
        double generatorCpu = (end.generatorCpuNanos() - start.generatorCpuNanos()) / 1e9;
        System.out.println("== " + name);
        line("measured window", "%.1f s", seconds);
        line("relayed signals", "%d", relayed);
        line("relayed signals/s", "%.0f", relayed / seconds);
        double serverSystem = (end.serverSystemNanos() - start.serverSystemNanos()) / 1e9;
        line("server CPU", "%.2f s (%.0f%% of its core), %.0f%% of it in the kernel", serverCpu,
                100 * serverCpu / seconds, 100 * serverSystem / serverCpu);
        line("server context switches per signal", "%.2f",
                (end.serverSwitches() - start.serverSwitches()) / (double) Math.max(1, relayed));
        line("relayed signals per server CPU-s", "%.0f", relayed / serverCpu);
        line("latency p50 / p99 / p99.9 / max", "%.3f / %.3f / %.3f / %.3f ms",
                ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(99)),
                ms(latencies.getValueAtPercentile(99.9)), ms(latencies.getMaxValue()));
        line("client sockets open", "%d", sockets);
        line("server open files", "%d", server.openFiles());
        line("server RSS", "%d MiB", server.rssKib() / 1024);
        line("server live heap after GC", "%d MiB", server.liveHeapKib() / 1024);
        line("generator CPU", "%.2f s (%.0f%% of its core)", generatorCpu, 100 * generatorCpu / seconds);
        line("client failures / server closes", "%d / %d", stats.failures(), stats.closes());
    }

    static void line(String key, String format, Object... values) {
        System.out.printf("  %-34s %s%n", key + ":", String.format(format, values));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
