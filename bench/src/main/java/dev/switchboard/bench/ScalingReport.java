package dev.switchboard.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/** Prints the scaling benchmark's runs: aligned lines per run, a {@code RESULT} line each, and a closing table. */
final class ScalingReport {

    private ScalingReport() {}

    static void run(RunResult run) {
        System.out.printf("== %s %s, %d/s offered%n", run.scenario(), run.placement(), run.rate());
        Report.line("measured window", "%.1f s", run.seconds());
        Report.line("arrived", "%d (%.0f/s)", run.arrived(), run.arrived() / run.seconds());
        Report.line(endToEndLabel(run) + " p50/p99/p99.9/max", "%s ms", percentiles(run.endToEnd()));
        Report.line(storedLabel(run) + " p50/p99/p99.9/max", "%s ms", percentiles(run.stored()));
        Report.line("CPU (% of one core)", "%s", run.cpu());
        Report.line("database transactions per event", "%.1f (%d in the window, every client's)",
                run.commitsPerEvent(), run.commits());
        Report.line("load average (1/5/15 min)", "%s", run.load());
        Report.line("client failures / server closes", "%d / %d", run.failures(), run.closes());
        System.out.printf("RESULT scenario=%s placement=%s rate=%d arrived=%d seconds=%.1f p50=%.3f p99=%.3f p999=%.3f"
                        + " max=%.3f storedP50=%.3f storedP99=%.3f %s transactionsPerEvent=%.1f load=%s failures=%d"
                        + " closes=%d%n",
                run.scenario(), run.placement(), run.rate(), run.arrived(), run.seconds(),
                ms(run.endToEnd(), 50), ms(run.endToEnd(), 99), ms(run.endToEnd(), 99.9),
                run.endToEnd().getMaxValue() / 1e6, ms(run.stored(), 50), ms(run.stored(), 99), run.cpuFields(),
                run.commitsPerEvent(), run.load().split(" ")[0], run.failures(), run.closes());
    }

    static void table(List<RunResult> runs) {
        System.out.println();
        System.out.println("| scenario | placement | offered/s | arrived/s | p50 ms | p99 ms | p99.9 ms | max ms"
                + " | sender's answer p50 / p99 ms | CPU, % of a core | transactions per event | load (1 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (RunResult run : runs) {
            System.out.printf("| %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f / %.2f | %s | %.1f | %s |%n",
                    run.scenario(), run.placement(), run.rate(), run.arrived() / run.seconds(),
                    ms(run.endToEnd(), 50), ms(run.endToEnd(), 99), ms(run.endToEnd(), 99.9),
                    run.endToEnd().getMaxValue() / 1e6, ms(run.stored(), 50), ms(run.stored(), 99), run.cpu(),
                    run.commitsPerEvent(), run.load().split(" ")[0]);
        }
    }

    private static String endToEndLabel(RunResult run) {
        return switch (run.scenario()) {
            case "offers" -> "answer to owner's socket";
            case "notify" -> "NOTIFY to listener";
            default -> "signal to receiver";
        };
    }

    private static String storedLabel(RunResult run) {
        return switch (run.scenario()) {
            case "offers" -> "answer's HTTP 201";
            case "notify" -> "NOTIFY statement";
            default -> "sender's 'sent'";
        };
    }

    private static String percentiles(Histogram h) {
        return String.format("%.3f / %.3f / %.3f / %.3f", ms(h, 50), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1e6);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
