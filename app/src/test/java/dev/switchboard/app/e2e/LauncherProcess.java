package dev.switchboard.app.e2e;

import static org.awaitility.Awaitility.await;

import dev.switchboard.app.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher, {@link Main}, in a JVM of its own, as an operator runs the jar: only the given
 * {@code SWITCHBOARD_*} variables are set, and its output (stdout and stderr together) is collected.
 */
final class LauncherProcess implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch drained = new CountDownLatch(1);

    private LauncherProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collectOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder launch = new ProcessBuilder(command).redirectErrorStream(true);
        launch.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
        launch.environment().putAll(environment);
        try {
            return new LauncherProcess(launch.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end by itself and returns its exit status. */
    int awaitExit() {
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("still running after " + PATIENCE.toSeconds() + " s; output:\n" + output);
            }
            // The output is complete once the reader has seen the end of the stream.
            drained.await(5, TimeUnit.SECONDS);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the output contains {@code text}; fails as soon as the output ends without it. */
    void awaitOutput(String text) {
        await().atMost(PATIENCE).until(() -> output.indexOf(text) >= 0 || drained.getCount() == 0);
        if (output.indexOf(text) < 0) {
            throw new AssertionError("the output ended without \"" + text + "\":\n" + output);
        }
    }

    /** Sends SIGTERM, as an orchestrator stopping the service does, and returns the exit status. */
    int terminate() {
        signalStop();
        return awaitExit();
    }

    /** Sends SIGTERM and returns at once, for watching the process while it stops. */
    void signalStop() {
        // Through the handle: Process.destroy() would also close our end of its output, losing the shutdown logs.
        process.toHandle().destroy();
    }

    /**
     * Sends SIGKILL, as {@code kill -9} or an out-of-memory killer does: no shutdown hook runs, nothing is flushed
     * or closed in order, and every socket of the process is torn down by the kernel. Returns once it is gone.
     */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("still running after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the application has started and returns the HTTP port it reports it listens on. */
    int httpPort() {
        awaitOutput("started: ");
        // The start-up line, not the PeerJS endpoint's, which is also "listening on" its own port.
        Matcher port = Pattern.compile("started: .*listening on [^ ]+:(\\d+)").matcher(output());
        if (!port.find()) {
            throw new AssertionError("no listening port in the output:\n" + output());
        }
        return Integer.parseInt(port.group(1));
    }

    String output() {
        return output.toString();
    }

    /** The output's lines that contain {@code text}. */
    List<String> linesContaining(String text) {
        return output().lines().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            // The process is gone; what was read is all there is.
        } finally {
            drained.countDown();
        }
    }
}
