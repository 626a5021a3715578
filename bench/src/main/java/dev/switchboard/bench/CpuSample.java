package dev.switchboard.bench;

/**
 * CPU time consumed so far by everything the scaling benchmark runs, read at one instant: both instances, the
 * PostgreSQL server (all its processes) and the generator itself; and the transactions the database has
 * committed. Differences of two samples give each one's share of a core over a window.
 */
record CpuSample(long wallNanos, long instanceA, long instanceB, long database, long generator, long commits) {

    /** What each used between {@code start} and this sample, in percent of one core. */
    String busySince(CpuSample start) {
        double wall = wallNanos - start.wallNanos;
        return String.format("A %.0f%%, B %.0f%%, PostgreSQL %.0f%%, generator %.0f%%",
                100 * (instanceA - start.instanceA) / wall, 100 * (instanceB - start.instanceB) / wall,
                100 * (database - start.database) / wall, 100 * (generator - start.generator) / wall);
    }

    /** Transactions the database committed since {@code start} (its statistics lag by up to a second). */
    long commitsSince(CpuSample start) {
        return commits - start.commits;
    }

    /** Percent of one core each used since {@code start}, as {@code key=value} fields for the RESULT line. */
    String fieldsSince(CpuSample start) {
        double wall = wallNanos - start.wallNanos;
        return String.format("cpuA=%.0f cpuB=%.0f cpuDb=%.0f cpuGen=%.0f",
                100 * (instanceA - start.instanceA) / wall, 100 * (instanceB - start.instanceB) / wall,
                100 * (database - start.database) / wall, 100 * (generator - start.generator) / wall);
    }

    /** Where the CPU samples come from. */
    record Sources(ProcessMeter a, ProcessMeter b, PostgresProcesses database, ProcessMeter generator) {
        CpuSample take() {
            return new CpuSample(System.nanoTime(), a.cpuNanos(), b.cpuNanos(), database.cpuNanos(),
                    generator.cpuNanos(), database.commits());
        }
    }
}
