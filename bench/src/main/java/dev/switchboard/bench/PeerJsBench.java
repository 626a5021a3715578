package dev.switchboard.bench;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The PeerJS-protocol load generator, for any server that speaks it (the {@code peer} server, Switchboard's
 * PeerJS endpoint, {@link NoopRelay}, {@code bench/noop-relay.mjs}): {@code PeerJsBench closed|open|idle key=value...}, run by
 * {@code bench/peerjs.sh}. Pairs of peers open {@code <path>peerjs?key=peerjs&id=&token=&version=}, wait for
 * {@code OPEN}, and relay ~200-byte CANDIDATE and OFFER messages to each other.
 *
 * <p>Keys: {@code port}, {@code path} (default {@code /}), {@code serverPid}, {@code server} (a label),
 * {@code pairs}, {@code window} (messages in flight per direction, closed loop), {@code rate} (messages per
 * second offered, open loop), {@code connections} (idle), {@code warmupSeconds}, {@code seconds}. Each
 * scenario ends with one {@code RESULT} line of {@code key=value} fields that the script tabulates.
 */
public final class PeerJsBench {
    private static final int CONNECT_BATCH = 200;
    private static final long SETTLE_MILLIS = 3_000;

    private final Map<String, String> options;
    private final ProcessMeter server;
    private final Stats stats = new Stats();
    private final PeerJsDriver driver;
    private final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private int connected;

    private PeerJsBench(Map<String, String> options) {
        this.options = options;
        this.server = new ProcessMeter(Long.parseLong(options.get("serverPid")));
        this.driver = new PeerJsDriver(new InetSocketAddress("127.0.0.1", number("port", 9000)),
                options.getOrDefault("path", "/"), stats);
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            System.err.println("usage: PeerJsBench closed|open|idle port=<p> serverPid=<pid> [server=<label>] ...");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        PeerJsBench bench = new PeerJsBench(options);
        bench.exitAfter(bench.number("deadlineSeconds", 600));
        switch (args[0]) {
            case "closed", "open" -> bench.relay(args[0]);
            case "idle" -> bench.idle();
            default -> {
                System.err.println("unknown scenario " + args[0] + ": closed, open or idle");
                System.exit(2);
            }
        }
        bench.driver.stop();
        System.exit(0);
    }

    /**
     * Ends the process, failed, if the run has not finished within {@code seconds}: a server that dies or stops
     * answering mid-run would otherwise leave the generator waiting for it forever.
     */
    private void exitAfter(long seconds) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("no result after " + seconds + " s (deadlineSeconds): is the server still there?");
            System.exit(1);
        }, "deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void relay(String mode) throws InterruptedException {
        int pairs = number("pairs", 100);
        List<PeerJsConnection> peers = openPairs(pairs);
        boolean closed = mode.equals("closed");
        String name = closed
                ? "closed loop: " + pairs + " pairs, " + number("window", 8) + " in flight per direction"
                : "open loop: " + number("rate", 10_000) + " messages/s offered across " + pairs + " pairs";
        if (closed) {
            driver.startClosedLoop(peers, number("window", 8));
        } else {
            driver.startOpenLoop(peers, number("rate", 10_000));
        }
        Thread.sleep(number("warmupSeconds", 5) * 1000L);
        Snapshot start = Snapshot.take(server, stats);
        ThreadSchedule startSchedule = ThreadSchedule.of(server);
        stats.takeLatencies();
        stats.takeLatenciesFromQueued();
        driver.takeLateness();
        Thread.sleep(number("seconds", 10) * 1000L);
        Snapshot end = Snapshot.take(server, stats);
        List<ThreadSchedule.Share> threads = startSchedule.until(ThreadSchedule.of(server),
                end.wallNanos() - start.wallNanos());
        Histogram latencies = stats.takeLatencies();
        Histogram fromQueued = stats.takeLatenciesFromQueued();
        Histogram lateness = driver.takeLateness();
        driver.stop();

        double seconds = (end.wallNanos() - start.wallNanos()) / 1e9;
        long relayed = end.relayed() - start.relayed();
        double serverCpu = (end.serverCpuNanos() - start.serverCpuNanos()) / 1e9;
        double generatorCpu = (end.generatorCpuNanos() - start.generatorCpuNanos()) / 1e9;
        double p50 = latencies.getValueAtPercentile(50) / 1e6;
        double p99 = latencies.getValueAtPercentile(99) / 1e6;
        double queuedP50 = fromQueued.getValueAtPercentile(50) / 1e6;
        double queuedP90 = fromQueued.getValueAtPercentile(90) / 1e6;
        double queuedP99 = fromQueued.getValueAtPercentile(99) / 1e6;
        double queuedP999 = fromQueued.getValueAtPercentile(99.9) / 1e6;
        System.out.println("== " + options.getOrDefault("server", "server") + ", " + name);
        Report.line("measured window", "%.1f s", seconds);
        Report.line("relayed messages/s", "%.0f", relayed / seconds);
        Report.line("server CPU", "%.2f s (%.0f%% of its core)", serverCpu, 100 * serverCpu / seconds);
        Report.line("relayed messages per server CPU-s", "%.0f", relayed / serverCpu);
        Report.line("latency p50 / p99 / max", "%.3f / %.3f / %.3f ms", p50, p99, latencies.getMaxValue() / 1e6);
        Report.line("server RSS", "%d MiB", server.rssKib() / 1024);
        Report.line("generator CPU", "%.2f s (%.0f%% of its core)", generatorCpu, 100 * generatorCpu / seconds);
        if (!closed) {
            Report.line("latency from queued p50 / p90 / p99 / p99.9 / max", "%.3f / %.3f / %.3f / %.3f / %.3f ms",
                    queuedP50, queuedP90, queuedP99, queuedP999, fromQueued.getMaxValue() / 1e6);
            Report.line("generator lateness p50 / p99 / max", "%.3f / %.3f / %.3f ms",
                    lateness.getValueAtPercentile(50) / 1e6, lateness.getValueAtPercentile(99) / 1e6,
                    lateness.getMaxValue() / 1e6);
        }
        String schedule = "";
        if (threads.isEmpty()) {
            Report.line("server's threads", "not measured: no /proc/<pid>/task/*/schedstat on this kernel");
        } else {
            ThreadSchedule.Share busiest = threads.get(0);
            List<ThreadSchedule.Share> others = threads.subList(1, threads.size());
            double othersRun = others.stream().mapToDouble(ThreadSchedule.Share::runPercent).sum();
            Report.line("server's busiest thread", "%s: ran %.1f%%, waited for its core %.1f%% of the window",
                    busiest.name(), busiest.runPercent(), busiest.waitPercent());
            Report.line("server's other threads", "ran %.1f%% of the window; most: %s", othersRun, mostRun(others));
            schedule = String.format(" busiestWait=%.2f othersRun=%.2f", busiest.waitPercent(), othersRun);
        }
        Report.line("client failures / server closes", "%d / %d", stats.failures(), stats.closes());
        System.out.printf("RESULT scenario=%s server=%s rate=%.0f cpuRate=%.0f serverCpu=%.0f p50=%.3f p99=%.3f"
                        + " queuedP50=%.3f queuedP90=%.3f queuedP99=%.3f queuedP999=%.3f generatorCpu=%.0f"
                        + " latenessP99=%.3f%s failures=%d%n",
                mode, options.getOrDefault("server", "server"), relayed / seconds, relayed / serverCpu,
                100 * serverCpu / seconds, p50, p99, queuedP50, queuedP90, queuedP99, queuedP999,
                100 * generatorCpu / seconds, lateness.getValueAtPercentile(99) / 1e6, schedule,
                stats.failures() + stats.closes());
    }

    /** The three threads that ran the most, with their share of the window. */
    private static String mostRun(List<ThreadSchedule.Share> threads) {
        List<String> named = new ArrayList<>();
        for (ThreadSchedule.Share thread : threads.subList(0, Math.min(3, threads.size()))) {
            named.add(String.format("%s %.1f%%", thread.name(), thread.runPercent()));
        }
        return String.join(", ", named);
    }

    /**
     * Opens {@code connections} peers that send nothing, after 100 that warm the server's connect path, and
     * divides the growth of the server's resident memory by their number.
     */
    private void idle() throws InterruptedException {
        int connections = number("connections", 5_000);
        openIdle(100);
        Thread.sleep(SETTLE_MILLIS);
        long baseRss = server.rssKib();
        long started = System.nanoTime();
        openIdle(connections);
        double openSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(SETTLE_MILLIS);
        long openRss = server.rssKib();
        double perConnection = (openRss - baseRss) / (double) connections;
        System.out.println("== " + options.getOrDefault("server", "server") + ", idle: " + connections + " peers");
        Report.line("opened in", "%.1f s (%.0f/s)", openSeconds, connections / openSeconds);
        Report.line("server open files while held", "%d", server.openFiles());
        Report.line("server RSS: base / open", "%d / %d KiB", baseRss, openRss);
        Report.line("RSS per idle connection", "%.2f KiB", perConnection);
        Report.line("client failures / server closes", "%d / %d", stats.failures(), stats.closes());
        System.out.printf("RESULT scenario=idle server=%s rssKib=%d perConnKib=%.2f failures=%d%n",
                options.getOrDefault("server", "server"), openRss, perConnection, stats.failures() + stats.closes());
    }

    private List<PeerJsConnection> openPairs(int pairs) throws InterruptedException {
        List<PeerJsConnection> peers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            PeerJsConnection a = driver.newConnection(tag + "-" + i + "a");
            PeerJsConnection b = driver.newConnection(tag + "-" + i + "b");
            a.pairWith(b);
            b.pairWith(a);
            peers.add(a);
            peers.add(b);
        }
        connectAll(peers);
        System.out.printf("%d peers open%n", peers.size());
        return peers;
    }

    private void openIdle(int count) throws InterruptedException {
        List<PeerJsConnection> peers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            peers.add(driver.newConnection(tag + "-idle" + (connected + i)));
        }
        connectAll(peers);
    }

    /** Connects in batches, each waiting for its {@code OPEN}s, so that the server's accept queue never overflows. */
    private void connectAll(List<PeerJsConnection> peers) throws InterruptedException {
        for (int from = 0; from < peers.size(); from += CONNECT_BATCH) {
            int to = Math.min(peers.size(), from + CONNECT_BATCH);
            for (PeerJsConnection peer : peers.subList(from, to)) {
                driver.connect(peer, "t" + peer.id.hashCode());
            }
            connected += to - from;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (driver.opened() < connected) {
                if (System.nanoTime() > deadline || stats.failures() + stats.closes() > 0) {
                    throw new IllegalStateException(driver.opened() + " of " + connected + " peers got OPEN");
                }
                Thread.sleep(5);
            }
        }
    }

    private int number(String key, int fallback) {
        return Integer.parseInt(options.getOrDefault(key, Integer.toString(fallback)));
    }
}
