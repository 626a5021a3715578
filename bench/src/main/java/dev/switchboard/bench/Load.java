package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, reported with each run: on a shared machine it says how disturbed the run was. */
final class Load {

    private Load() {}

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} gives them. */
    static String average() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
