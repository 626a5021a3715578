package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The CPU time and commit count of one PostgreSQL server. CPU: its postmaster and every process it forked
 * (backends, WAL writer, checkpointer...), found from the postmaster's pid, so that other PostgreSQL servers on
 * the machine do not count. A backend that exits takes its CPU time with it; the instances' pooled and listening
 * connections live for the whole run, so their work is counted.
 */
final class PostgresProcesses {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long postmaster;
    private final String jdbcUrl;
    private final String user;

    private PostgresProcesses(long postmaster, String jdbcUrl, String user) {
        this.postmaster = postmaster;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    /** The server behind {@code jdbcUrl}: the parent of the backend that serves a connection to it. */
    static PostgresProcesses of(String jdbcUrl, String user) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return new PostgresProcesses(stat(pid.getLong(1))[1], jdbcUrl, user);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the PostgreSQL server at " + jdbcUrl, e);
        }
    }

    /** User plus system CPU of the postmaster and its children, in nanoseconds. */
    long cpuNanos() {
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        long pid = Long.parseLong(p.getFileName().toString());
                        long[] stat = stat(pid);
                        return pid == postmaster || stat[1] == postmaster ? (stat[2] + stat[3]) * NANOS_PER_TICK : 0;
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Transactions committed in the database so far ({@code pg_stat_database.xact_commit}), counting the
     * instances' and the probe's. Backends report them at most once a second, so a window's count is that exact.
     */
    long commits() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement();
             ResultSet commits = statement.executeQuery(
                     "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            commits.next();
            return commits.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the commit count at " + jdbcUrl, e);
        }
    }

    /** {@code [pid, ppid, utime, stime]} of a process, or zeros when it has gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {pid, 0, 0, 0};
        }
    }
}
