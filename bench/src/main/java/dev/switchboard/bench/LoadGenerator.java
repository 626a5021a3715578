package dev.switchboard.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The load generator's entry point: {@code LoadGenerator <scenario> key=value...}, with scenario
 * {@code closed}, {@code open} or {@code idle}; {@code bench/run.sh} starts the server and calls this.
 *
 * <p>Keys: {@code base} (server URL), {@code serverPid}, {@code pairs}, {@code window} (signals in flight per
 * direction, closed loop), {@code rate} (signals per second offered, open loop), {@code connections} (idle),
 * {@code ackEvery} (acknowledge every that many messages, and on a 250 ms timer; 0: once per burst received, as
 * the JavaScript client does; default 32 in the closed loop, 0 in the open loop), {@code warmupSeconds},
 * {@code seconds}.
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            System.err.println("usage: LoadGenerator closed|open|idle base=http://127.0.0.1:8080 serverPid=<pid> ...");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        URI base = URI.create(options.getOrDefault("base", "http://127.0.0.1:8080"));
        ProcessMeter server = new ProcessMeter(Long.parseLong(options.get("serverPid")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmupSeconds", "5")));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        int pairs = Integer.parseInt(options.getOrDefault("pairs", "100"));
        Fleet fleet = new Fleet(base);
        switch (args[0]) {
            case "closed" -> RelayScenario.closedLoop(fleet, server, pairs,
                    Integer.parseInt(options.getOrDefault("window", "8")),
                    Integer.parseInt(options.getOrDefault("ackEvery", "32"))).run(warmup, measured);
            // One signal at a time reaches each socket: acknowledging each burst, as a browser does, spreads the
            // acknowledgements instead of sending thousands at once on every tick of the 250 ms timer.
            case "open" -> RelayScenario.openLoop(fleet, server, pairs,
                    Integer.parseInt(options.getOrDefault("rate", "10000")),
                    Integer.parseInt(options.getOrDefault("ackEvery", "0"))).run(warmup, measured);
            case "idle" -> new IdleScenario(fleet, server,
                    Integer.parseInt(options.getOrDefault("connections", "15000"))).run();
            default -> {
                System.err.println("unknown scenario " + args[0] + ": closed, open or idle");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
