package dev.switchboard.bench;

/**
 * The counters at one instant: wall time, relayed signals, the server's CPU time (all, and in the kernel) and
 * context switches, and this process's CPU time.
 */
record Snapshot(long wallNanos, long relayed, long serverCpuNanos, long serverSystemNanos, long serverSwitches,
        long generatorCpuNanos) {

    static Snapshot take(ProcessMeter server, Stats stats) {
        return new Snapshot(System.nanoTime(), stats.received(), server.cpuNanos(), server.systemCpuNanos(),
                server.contextSwitches(), ProcessMeter.self().cpuNanos());
    }
}
