package dev.switchboard.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured run of the scaling benchmark.
 *
 * @param scenario  {@code signals}, {@code offers} or {@code notify}
 * @param placement where the two ends were, sender first: {@code A->B} or {@code B->A} (cross-instance), {@code A->A}
 *                  (same instance), or {@code NOTIFY->LISTEN} for the probe
 * @param rate      events offered per second, in total
 * @param seconds   the measured window
 * @param arrived   events that arrived at their receiver within the window
 * @param endToEnd  from the intended send time to the arrival at the receiver
 * @param stored    from the intended send time to the sender's answer ({@code sent}, the HTTP response, or the
 *                  NOTIFY statement's return)
 * @param cpu       who was how busy, as printed by {@link CpuSample#busySince}
 * @param cpuFields the same as {@code key=value} fields
 * @param commits   transactions the database committed in the window, by every client: each auto-committed
 *                  statement counts, and so does each listening backend's read of the notification queue
 * @param load      the machine's load average at the end of the window (1, 5, 15 minutes)
 * @param failures  client failures and error frames
 * @param closes    sockets the server closed
 */
record RunResult(String scenario, String placement, int rate, double seconds, long arrived, Histogram endToEnd,
        Histogram stored, String cpu, String cpuFields, long commits, String load, int failures, int closes) {

    /** Committed transactions per arrived event: what one delivery costs the database, background included. */
    double commitsPerEvent() {
        return arrived == 0 ? 0 : (double) commits / arrived;
    }
}
