package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a process's CPU time and resident memory from {@code /proc}, and its live heap through {@code jcmd}
 * after a full GC, so that heap figures count only what is reachable.
 */
final class ProcessMeter {
    /** {@code /proc/<pid>/stat} counts in clock ticks, which are 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Pattern SWITCHES = Pattern.compile("ctxt_switches:\\s+(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final long pid;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    static ProcessMeter self() {
        return new ProcessMeter(ProcessHandle.current().pid());
    }

    long pid() {
        return pid;
    }

    /** User plus system CPU time, in nanoseconds. */
    long cpuNanos() {
        return userCpuNanos() + systemCpuNanos();
    }

    long userCpuNanos() {
        return statField(11) * NANOS_PER_TICK;
    }

    /** CPU time spent in the kernel on the process's behalf: system calls, socket I/O, scheduling. */
    long systemCpuNanos() {
        return statField(12) * NANOS_PER_TICK;
    }

    /** Context switches of all the process's threads, voluntary and not. */
    long contextSwitches() {
        return eachThread(task -> {
            Matcher m = SWITCHES.matcher(Files.readString(task.resolve("status")));
            long switches = 0;
            while (m.find()) {
                switches += Long.parseLong(m.group(1));
            }
            return switches;
        }).stream().mapToLong(Long::longValue).sum();
    }

    /** What {@code reader} reads of each of the process's threads; a thread that ends meanwhile is left out. */
    <T> List<T> eachThread(ThreadReader<T> reader) {
        List<T> read = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    read.add(reader.read(task));
                } catch (IOException ended) {
                    // The thread ended between the listing and the read.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** Reads one thread's files, in {@code /proc/<pid>/task/<tid>}. */
    @FunctionalInterface
    interface ThreadReader<T> {
        T read(Path task) throws IOException;
    }

    private long statField(int index) {
        String stat = read("stat");
        // Fields after the command name, which is in parentheses and may contain spaces.
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
    }

    /** Resident set size in KiB ({@code VmRSS}). */
    long rssKib() {
        Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(read("status"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Open file descriptors, sockets included. */
    int openFiles() {
        try (var files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) files.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Heap in use right after a full GC, in KiB. */
    long liveHeapKib() {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info of " + pid);
        }
        return Long.parseLong(m.group(1));
    }

    private String jcmd(String command) {
        try {
            Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
