package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Pairs of clients relaying signals to each other through the server, in one of two disciplines.
 * <ul>
 *   <li><b>Closed loop</b>: each direction of each pair keeps {@code window} signals in flight; a signal's
 *       arrival sends the next one. Measures the most the server relays, and latency under that load.</li>
 *   <li><b>Open loop</b>: a pacer offers a fixed total rate, round-robin over every client, and stamps each
 *       signal with its <em>intended</em> send time, so a stalled server shows up as latency instead of
 *       silently lowering the offered load (no coordinated omission).</li>
 * </ul>
 */
final class RelayScenario {
    /** Acknowledging on a timer as well as every {@code ackEvery} messages: a quiet socket still frees its mailbox. */
    private static final long ACK_TIMER_MILLIS = 250;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

    private final String name;
    private final Fleet fleet;
    private final ProcessMeter server;
    private final int pairs;
    private final int window;
    private final int rate;
    private final int ackEvery;
    private final Stats stats = new Stats();
    private volatile boolean running = true;

    private RelayScenario(String name, Fleet fleet, ProcessMeter server, int pairs, int window, int rate,
            int ackEvery) {
        this.name = name;
        this.fleet = fleet;
        this.server = server;
        this.pairs = pairs;
        this.window = window;
        this.rate = rate;
        this.ackEvery = ackEvery;
    }

    static RelayScenario closedLoop(Fleet fleet, ProcessMeter server, int pairs, int window, int ackEvery) {
        return new RelayScenario("closed loop: " + pairs + " pairs, " + window + " in flight per direction",
                fleet, server, pairs, window, 0, ackEvery);
    }

    static RelayScenario openLoop(Fleet fleet, ProcessMeter server, int pairs, int rate, int ackEvery) {
        return new RelayScenario("open loop: " + rate + " signals/s offered across " + pairs + " pairs",
                fleet, server, pairs, 0, rate, ackEvery);
    }

    void run(Duration warmup, Duration measured) throws InterruptedException {
        boolean closed = rate == 0;
        // Arrivals are handled on the sockets' driver thread, so a closed-loop reply goes straight into the peer's
        // buffer; the ack timer and the pacer hand their sends over to that thread.
        List<BenchSocket[]> opened = fleet.openPairs(pairs, () -> new BenchSocket((socket, sendNanos) -> {
            stats.relayed(System.nanoTime() - sendNanos);
            if (closed && running) {
                socket.peer().sendSignal(System.nanoTime());
            }
        }, stats, ackEvery));
        List<BenchSocket> sockets = new ArrayList<>();
        opened.forEach(pair -> sockets.addAll(List.of(pair)));
        System.out.printf("%s: %d sockets open%n", name, sockets.size());

        ScheduledExecutorService acks = Executors.newSingleThreadScheduledExecutor();
        acks.scheduleAtFixedRate(() -> sockets.forEach(BenchSocket::flushAck),
                ACK_TIMER_MILLIS, ACK_TIMER_MILLIS, TimeUnit.MILLISECONDS);
        Pacer pacer = null;
        if (closed) {
            sockets.forEach(socket -> {
                for (int i = 0; i < window; i++) {
                    socket.sendSignal(System.nanoTime());
                }
            });
        } else {
            // Signal i leaves at start + i / rate, round-robin, stamped with that intended time.
            pacer = Pacer.start(rate, (i, intended) -> sockets.get((int) (i % sockets.size())).sendSignal(intended));
        }

        Thread.sleep(warmup.toMillis());
        Snapshot start = Snapshot.take(server, stats);
        stats.takeLatencies();
        Thread.sleep(measured.toMillis());
        Snapshot end = Snapshot.take(server, stats);
        Histogram latencies = stats.takeLatencies();
        running = false;
        if (pacer != null) {
            pacer.close();
        }
        Report.relay(name, start, end, latencies, sockets.size(), server, stats);
        acks.shutdownNow();
        WebSocketConnection.closeAll(sockets, CLOSE_PATIENCE);
    }
}
