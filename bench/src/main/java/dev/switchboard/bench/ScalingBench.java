package dev.switchboard.bench;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cross-instance delivery latency: two Switchboard instances (A and B, each in its own JVM, started by
 * {@code bench/scaling.sh}) on one PostgreSQL. Signals sent over a socket on A to a receiver on B, against the
 * same-instance baseline (both ends on A); answers posted on B to an offer whose owner's socket is on A, against
 * answers posted on A; and LISTEN/NOTIFY alone, the floor under every cross-instance wake-up.
 *
 * <p>Keys: {@code a}, {@code b} (base URLs), {@code pidA}, {@code pidB}, {@code database} (JDBC URL),
 * {@code databaseUser}, {@code pairs}, {@code rates} (comma-separated signals/s), {@code rounds},
 * {@code jitWarmupSeconds} (unreported traffic on both placements before the first measured run),
 * {@code ackEvery}, {@code offerRate}, {@code owners}, {@code answerers}, {@code notifyRates},
 * {@code scenarios} (any of {@code notify,signals,offers}), {@code warmupSeconds}, {@code seconds}.
 */
public final class ScalingBench {
    /** Acknowledge on a timer too, for when {@code ackEvery} is above one and a receiver goes quiet. */
    private static final long ACK_TIMER_MILLIS = 250;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

    private final Map<String, String> options;
    private final Instance a;
    private final Instance b;
    private final String database;
    private final String databaseUser;
    private final CpuSample.Sources cpu;
    private final Duration warmup;
    private final Duration measured;
    private final Duration jitWarmup;
    private final int ackEvery;
    private final Measurement.Current current = new Measurement.Current();
    private final ScalingFleet fleet = new ScalingFleet();
    private final List<RunResult> results = new ArrayList<>();

    private ScalingBench(Map<String, String> options) {
        this.options = options;
        this.a = Instance.at("A", URI.create(options.get("a")), Long.parseLong(options.get("pidA")));
        this.b = Instance.at("B", URI.create(options.get("b")), Long.parseLong(options.get("pidB")));
        this.database = options.get("database");
        this.databaseUser = option("databaseUser", "postgres");
        this.cpu = new CpuSample.Sources(a.process(), b.process(), PostgresProcesses.of(database, databaseUser),
                ProcessMeter.self());
        this.warmup = Duration.ofSeconds(Long.parseLong(option("warmupSeconds", "5")));
        this.measured = Duration.ofSeconds(Long.parseLong(option("seconds", "20")));
        this.jitWarmup = Duration.ofSeconds(Long.parseLong(option("jitWarmupSeconds", "30")));
        this.ackEvery = Integer.parseInt(option("ackEvery", "1"));
    }

    public static void main(String[] args) throws InterruptedException, SQLException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        ScalingBench bench = new ScalingBench(options);
        List<String> scenarios = List.of(bench.option("scenarios", "notify,signals,offers").split(","));
        if (scenarios.contains("notify")) {
            bench.notifyAlone();
        }
        if (scenarios.contains("signals")) {
            bench.signals();
        }
        if (scenarios.contains("offers")) {
            bench.offers();
        }
        ScalingReport.table(bench.results);
        System.exit(0);
    }

    private void notifyAlone() throws SQLException, InterruptedException {
        for (int rate : ints(option("notifyRates", "2,200,1000"))) {
            report(NotifyProbe.run(database, databaseUser, rate, cpu, warmup, measured));
        }
    }

    private void signals() throws InterruptedException {
        int pairs = Integer.parseInt(option("pairs", "100"));
        List<ScalingFleet.Pair> cross = fleet.openPairs(pairs, a, b, () -> new ScalingSocket(current, ackEvery));
        List<ScalingFleet.Pair> same = fleet.openPairs(pairs, a, a, () -> new ScalingSocket(current, ackEvery));
        System.out.printf("signals: %d pairs A->B and %d pairs A->A open%n", cross.size(), same.size());
        List<ScalingSocket> receivers = new ArrayList<>();
        cross.forEach(pair -> receivers.add(pair.receiver()));
        same.forEach(pair -> receivers.add(pair.receiver()));
        ScheduledExecutorService acks = Executors.newSingleThreadScheduledExecutor();
        acks.scheduleAtFixedRate(() -> receivers.forEach(ScalingSocket::flushAck),
                ACK_TIMER_MILLIS, ACK_TIMER_MILLIS, TimeUnit.MILLISECONDS);
        int[] rates = ints(option("rates", "50,200"));
        if (!jitWarmup.isZero()) {
            // The instances start cold: their first traffic runs while the JIT compiles jOOQ, the driver and the
            // relay path. Traffic on both placements first, not reported.
            System.out.printf("JIT warm-up: %d s per placement at %d/s, not reported%n", jitWarmup.toSeconds(),
                    rates[0]);
            SignalRun.run("A->B", cross, rates[0], current, cpu, jitWarmup, Duration.ofSeconds(1));
            SignalRun.run("A->A", same, rates[0], current, cpu, jitWarmup, Duration.ofSeconds(1));
        }
        int rounds = Integer.parseInt(option("rounds", "1"));
        for (int round = 1; round <= rounds; round++) {
            for (int rate : rates) {
                // Alternate which placement goes first, so that drift in the machine's load favours neither.
                boolean crossFirst = round % 2 == 1;
                for (boolean crossNow : new boolean[] {crossFirst, !crossFirst}) {
                    report(SignalRun.run(crossNow ? "A->B" : "A->A", crossNow ? cross : same, rate, current, cpu,
                            warmup, measured));
                }
            }
        }
        acks.shutdownNow();
        List<ScalingSocket> all = new ArrayList<>(receivers);
        cross.forEach(pair -> all.add(pair.sender()));
        same.forEach(pair -> all.add(pair.sender()));
        WebSocketConnection.closeAll(all, CLOSE_PATIENCE);
    }

    private void offers() throws InterruptedException {
        int rate = Integer.parseInt(option("offerRate", "50"));
        List<ScalingFleet.Client> owners = fleet.clients(Integer.parseInt(option("owners", "20")), a);
        List<ScalingSocket> ownerSockets = owners.stream()
                .map(owner -> fleet.connect(owner, new ScalingSocket(current, ackEvery), "&eventsAfter=0"))
                .toList();
        int answerers = Integer.parseInt(option("answerers", "20"));
        List<ScalingFleet.Client> onB = fleet.clients(answerers, b);
        List<ScalingFleet.Client> onA = fleet.clients(answerers, a);
        if (!jitWarmup.isZero()) {
            System.out.printf("JIT warm-up: %d s of answers on each instance, not reported%n",
                    jitWarmup.dividedBy(2).toSeconds());
            OfferRun.run("B->A", owners, onB, rate, current, cpu, jitWarmup.dividedBy(2), Duration.ofSeconds(1));
            OfferRun.run("A->A", owners, onA, rate, current, cpu, jitWarmup.dividedBy(2), Duration.ofSeconds(1));
        }
        report(OfferRun.run("B->A", owners, onB, rate, current, cpu, warmup, measured));
        report(OfferRun.run("A->A", owners, onA, rate, current, cpu, warmup, measured));
        WebSocketConnection.closeAll(ownerSockets, CLOSE_PATIENCE);
    }

    private void report(RunResult run) {
        ScalingReport.run(run);
        results.add(run);
    }

    private String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    private static int[] ints(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
